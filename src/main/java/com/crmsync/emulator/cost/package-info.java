/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * The emulated org's cost model: latency, server time per row and per record, a cap on
 * concurrent requests, bulk parallelism.
 */
package com.crmsync.emulator.cost;
