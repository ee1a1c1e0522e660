package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.databind.JsonNode;

/** An authenticated {@code POST /{version}/{account}/messages} call with its JSON body. */
record SendRequest(String account, String token, JsonNode body) {

  /** The last 4 characters of the token: enough to tell tokens apart in the delivered log. */
  String tokenSuffix() {
    return token.substring(Math.max(0, token.length() - 4));
  }

  @Override
  public String toString() {
    return "SendRequest[account=" + account + ", token=***]";
  }
}
