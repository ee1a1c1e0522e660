#!/usr/bin/env node
// Runs dynalite's own CLI, but survives clients that hang up mid-request. dynalite 4.0.0 rethrows
// a request stream's 'error' (index.js: `req.on('error', function (err) { throw err })`), so one
// client killed while sending (a SIGKILLed service, a test's broken proxy) would take the whole
// DynamoDB endpoint down for every other client. Real DynamoDB shrugs that off; so does this.
process.on('uncaughtException', function (err) {
  if (err && (err.code === 'ECONNRESET' || err.message === 'aborted')) {
    console.error('dynalite: a client aborted a request; ignored (' + err.message + ')')
    return
  }
  console.error(err)
  process.exit(1)
})
require('dynalite/cli.js')
