/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.job;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.crmsync.crm.SyncedTables;
import com.crmsync.mapping.Direction;
import com.crmsync.mapping.MappedObject;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every synced object of the application (one {@link ObjectStep} bean each), in the job's
 * fixed direction order: pulls, then two-way merges, then pushes; within one direction in
 * their beans' {@code @Order}. What the rest of the sync needs to know about "all
 * objects" is derived here from their definitions: the job's steps, what the mapping file
 * must map, the CRM tables the sync may touch, the watermark keys.
 * <p>
 * The objects are looked up on first use, not at construction, so that the repositories
 * and the mappings their steps are built from can depend on this list.
 */
@Component
public class SyncedObjects implements SyncedTables {

	private static final List<Direction> JOB_ORDER = List.of(Direction.PULL, Direction.TWO_WAY, Direction.PUSH);

	private final ObjectProvider<ObjectStep> beans;

	private volatile List<ObjectStep> steps;

	public SyncedObjects(ObjectProvider<ObjectStep> beans) {
		this.beans = beans;
	}

	/**
	 * The objects' steps in the job's order.
	 * @return the steps, not built yet
	 */
	public List<ObjectStep> steps() {
		List<ObjectStep> found = this.steps;
		if (found == null) {
			// orderedStream() follows @Order; the sort is stable, so that order still
			// holds within a direction
			found = this.beans.orderedStream()
				.sorted(Comparator.comparingInt((step) -> JOB_ORDER.indexOf(step.definition().direction())))
				.toList();
			this.steps = found;
		}
		return found;
	}

	/**
	 * The objects in the job's order.
	 * @return their definitions
	 */
	public List<SyncedObject> definitions() {
		return steps().stream().map(ObjectStep::definition).toList();
	}

	/**
	 * What the mapping file must map: the pulled and two-way objects.
	 * @return the objects, in the job's order
	 */
	public List<MappedObject> mapped() {
		return definitions().stream().map(SyncedObject::mappedObject).flatMap(Optional::stream).toList();
	}

	/**
	 * The keys the objects' watermarks are stored under.
	 * @return the keys, in the job's order
	 */
	public List<String> watermarkKeys() {
		return definitions().stream().map(SyncedObject::watermarkKey).toList();
	}

	@Override
	public boolean contains(String table) {
		return definitions().stream().anyMatch((definition) -> table.equals(definition.crmTable()));
	}

}
