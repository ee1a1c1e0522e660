/**
 * Real Kafka, schema registry and DynamoDB for tests, with names unique per test; and the fixtures
 * every module's tests share: {@link dev.orderflow.testsupport.MutableClock}, {@link
 * dev.orderflow.testsupport.RequestedNotifications}, {@link
 * dev.orderflow.testsupport.RecordAssert}.
 */
package dev.orderflow.testsupport;
