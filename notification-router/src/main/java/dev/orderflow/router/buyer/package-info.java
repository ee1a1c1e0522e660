/** Who a buyer is and how to reach them: the BuyerDirectory port, its DynamoDB and cache layers. */
package dev.orderflow.router.buyer;
