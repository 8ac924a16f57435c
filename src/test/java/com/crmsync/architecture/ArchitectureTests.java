/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of the code base, checked on the compiled main classes: one door to
 * Salesforce, an emulator that stands alone, and packages that depend on each other in
 * one direction only.
 */
@AnalyzeClasses(packages = "com.crmsync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * force-wsc is used behind the sync's own types: only the {@code salesforce} package
	 * (and the emulator, which speaks the protocol, and the benchmark, which measures the
	 * raw client) may touch it.
	 */
	@ArchTest
	static final ArchRule onlyTheSalesforcePackageTalksToSalesforce = noClasses().that()
		.resideOutsideOfPackages("com.crmsync.salesforce..", "com.crmsync.emulator..", "com.crmsync.bench..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.sforce..")
		.because("the salesforce package is the only door to Salesforce");

	/**
	 * The emulator stands in for Salesforce: it knows nothing of the sync, so it can be
	 * run, tested and changed on its own.
	 */
	@ArchTest
	static final ArchRule theEmulatorDependsOnNothingElseInTheProject = noClasses().that()
		.resideInAPackage("com.crmsync.emulator..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.crmsync..").and(not(resideInAPackage("com.crmsync.emulator.."))))
		.because("the emulator is a stand-alone Salesforce");

	/** No two packages depend on each other, directly or through others. */
	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("com.crmsync.(**)").should().beFreeOfCycles();

	/**
	 * No two top-level areas (the job, the object packages, the CRM, the mappings, ...)
	 * depend on each other, whatever their sub-packages do.
	 */
	@ArchTest
	static final ArchRule noCyclesBetweenAreas = slices().matching("com.crmsync.(*)..").should().beFreeOfCycles();

}
