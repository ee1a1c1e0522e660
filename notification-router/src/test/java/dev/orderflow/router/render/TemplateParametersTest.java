package dev.orderflow.router.render;

import static dev.orderflow.router.Fixtures.items;
import static dev.orderflow.router.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.schema.TemplateParameter;
import dev.orderflow.schema.TemplateParameterType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateParametersTest {

  @Test
  void parametersAreNameReferenceTotalAndSummaryInTemplateOrder() {
    List<TemplateParameter> parameters =
        TemplateParameters.render(Messages.forLocale("en"), "Adaeze", order("v:ORD-9", "b"));

    assertThat(parameters)
        .containsExactly(
            new TemplateParameter(TemplateParameterType.TEXT, "Adaeze", null, null),
            new TemplateParameter(TemplateParameterType.TEXT, "ORD-9", null, null),
            new TemplateParameter(
                TemplateParameterType.CURRENCY, "₦1,380,000", "NGN", 1_380_000_000L),
            new TemplateParameter(
                TemplateParameterType.TEXT,
                "2 × Ankara fabric, 6 yards, 1 × Gele head tie",
                null,
                null));
  }

  @Test
  void theSummaryNamesThreeItemsAndCountsTheRest() {
    String summary = TemplateParameters.itemSummary(Messages.forLocale("en"), items(6));

    assertThat(summary).endsWith(" and 3 more items").startsWith("1 × Hand-woven");
  }

  @Test
  void textParametersHaveNoNewlinesTabsOrRunsOfSpaces() {
    List<TemplateParameter> parameters =
        TemplateParameters.render(
            Messages.forLocale("en"), "Ada\n\teze     Okafor", order("v:ORD-9", "b"));

    assertThat(parameters.get(0).getText()).isEqualTo("Ada eze Okafor");
  }

  @Test
  void aBuyerWithoutANameGetsTheTemplatesNeutralName() {
    assertThat(TemplateParameters.render(Messages.forLocale("en"), null, order("v:O", "b")).get(0))
        .extracting(TemplateParameter::getText)
        .isEqualTo("Customer");
  }

  @Test
  void collapsingWhitespaceByHandAgreesWithTheRegexItReplaces() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "ab \t\n\u000B\f\r\u00A0\u2003x";
    for (int run = 0; run < 20_000; run++) {
      StringBuilder value = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = value.toString();
      assertThat(TemplateParameters.collapseWhitespace(text))
          .as("'%s'", text)
          .isEqualTo(text.replaceAll("\\s+", " "));
    }
  }
}
