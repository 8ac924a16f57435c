/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
/**
 * Events: the {@code pushEvents} step makes every live CRM event of a linked lead or
 * contact a completed Salesforce Task, upserted by the CRM event id, once per version of
 * the event (the identity map, object type {@code EVENT}, keeps what was pushed): the
 * shared push step around {@link com.crmsync.event.EventTarget}, deciding with
 * {@link com.crmsync.event.EventItemProcessor}.
 */
package com.crmsync.event;
