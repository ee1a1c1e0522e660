package dev.orderflow.bench.observe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One reading of a Linux process's CPU time and resident memory, from {@code /proc/<pid>/stat}
 * (utime + stime, in clock ticks) and {@code /proc/<pid>/status} (VmRSS). Reading /proc directly
 * measures any process, whatever metrics it exposes.
 */
record ProcStat(long cpuTicks, long rssKib) {
  /** USER_HZ: 100 on every mainstream Linux architecture. */
  static final int TICKS_PER_SECOND = 100;

  static Optional<ProcStat> read(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) may hold spaces; fields after it are counted from its ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long utime = Long.parseLong(fields[11]);
      long stime = Long.parseLong(fields[12]);
      return Optional.of(new ProcStat(utime + stime, rss(pid)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
