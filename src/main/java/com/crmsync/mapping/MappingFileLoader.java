/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a mapping file (the jar's {@code jobs/field-mappings.yml}, or the one
 * {@code sync.mappings} names) into {@link SyncMappings}.
 * <p>
 * The file is checked whole before anything is returned: malformed YAML, an unknown key
 * (a typo), a bad or out-of-range direction, a duplicate field, a missing required key or
 * a name that is not a plain identifier each become one line of a single
 * {@link MappingException}, as {@code <file>: <path> (line <n>): <what is wrong>}, e.g.
 * {@code jobs/field-mappings.yml: objects.lead.fields[3].direction (line 61): 'twoway'
 * is not a direction (push, pull, two-way, none)}. Indexes in paths count from 0.
 * <p>
 * Every scalar is read as text, so YAML 1.1's {@code no}/{@code off} never turn into
 * booleans behind the operator's back. Because column and field names end up in SQL and
 * SOQL, they must be plain identifiers.
 */
public final class MappingFileLoader {

	/**
	 * The default mapping file, carried by the jar (and the test classpath) under this
	 * name, used when {@code sync.mappings} names no file of the operator's own.
	 */
	public static final String DEFAULT_RESOURCE = "jobs/field-mappings.yml";

	private static final Pattern CRM_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern SALESFORCE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private final List<MappedObject> objects;

	/**
	 * A loader of mapping files that must map these objects, and only these.
	 * @param objects the synced objects, in the order of their steps
	 */
	public MappingFileLoader(List<MappedObject> objects) {
		this.objects = List.copyOf(objects);
	}

	/**
	 * Reads a mapping file.
	 * @param file the file, UTF-8
	 * @return the mappings
	 * @throws MappingException when the file cannot be read or is wrong
	 */
	public SyncMappings load(Path file) {
		// a relative path is the working directory's: a file not found there is named in
		// full
		Path absolute = file.toAbsolutePath().normalize();
		String text;
		try {
			text = Files.readString(absolute, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			String reason = FileReadFailure.reason(ex);
			throw new MappingException("Cannot read mapping file " + absolute + ": " + reason,
					List.of(absolute + ": " + reason));
		}
		return load(file.toString(), new StringReader(text));
	}

	/**
	 * Reads the default mapping file the jar carries ({@value #DEFAULT_RESOURCE}).
	 * @return the mappings
	 * @throws MappingException when the file is wrong
	 * @throws IllegalStateException when the classpath does not carry it (a broken build)
	 */
	public SyncMappings loadDefault() {
		InputStream stream = MappingFileLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
		if (stream == null) {
			throw new IllegalStateException(
					"The jar carries no default mapping file " + DEFAULT_RESOURCE + "; name one with sync.mappings");
		}
		try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
			return load(DEFAULT_RESOURCE + " (the jar's default)", reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads mappings from a reader.
	 * @param fileName the name problems are reported under
	 * @param reader the YAML text
	 * @return the mappings
	 * @throws MappingException when the text is wrong
	 */
	public SyncMappings load(String fileName, Reader reader) {
		Node root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String where = (mark != null)
					? " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")" : "";
			throw invalid(fileName, List.of(fileName + where + ": malformed YAML: " + ex.getProblem()));
		}
		catch (YAMLException ex) {
			throw invalid(fileName, List.of(fileName + ": malformed YAML: " + ex.getMessage()));
		}
		FileReading reading = new FileReading(fileName);
		SyncMappings mappings = reading.read(root);
		if (!reading.problems.isEmpty()) {
			throw invalid(fileName, reading.problems);
		}
		return mappings;
	}

	private static MappingException invalid(String fileName, List<String> problems) {
		return new MappingException("Invalid mapping file " + fileName + " (" + problems.size() + " problem"
				+ ((problems.size() == 1) ? "" : "s") + ")", problems);
	}

	/**
	 * One pass over one file, collecting problems as it goes; values found wrong are read
	 * as {@code null} and the pass carries on so that every problem is reported.
	 */
	private final class FileReading {

		private final String fileName;

		private final List<String> problems = new ArrayList<>();

		FileReading(String fileName) {
			this.fileName = fileName;
		}

		SyncMappings read(Node root) {
			if (root == null) {
				this.problems
					.add(this.fileName + ": the file is empty; it must map every object (" + knownKeys() + ")");
				return null;
			}
			Map<String, Node> top = keys(root, "", Set.of("objects", "lead-score", "events"));
			if (top == null) {
				return null;
			}
			LeadScoreMapping leadScore = top.containsKey("lead-score") ? leadScore(top.get("lead-score"), "lead-score")
					: LeadScoreMapping.DEFAULT;
			EventTaskMapping events = top.containsKey("events") ? events(top.get("events"), "events")
					: EventTaskMapping.DEFAULT;
			Map<MappedObject, ObjectMapping> objects = objects(required(top, "objects", root, ""), "objects",
					leadScore);
			if (!this.problems.isEmpty()) {
				return null;
			}
			return new SyncMappings(objects, leadScore, events);
		}

		private Map<MappedObject, ObjectMapping> objects(Node node, String path, LeadScoreMapping leadScore) {
			Map<MappedObject, ObjectMapping> objects = new LinkedHashMap<>();
			if (node == null) {
				return objects;
			}
			Map<String, Node> entries = keys(node, path, null);
			if (entries == null) {
				return objects;
			}
			Map<MappedObject, ObjectMapping> read = new LinkedHashMap<>();
			for (Map.Entry<String, Node> entry : entries.entrySet()) {
				String objectPath = path + "." + entry.getKey();
				MappedObject object = knownObject(entry.getKey());
				if (object != null) {
					read.put(object, object(object, entry.getValue(), objectPath, leadScore));
				}
				else {
					problem(objectPath, entry.getValue(),
							"unknown object '" + entry.getKey() + "' (known: " + knownKeys() + ")");
				}
			}
			// in the objects' order, whatever the file's
			for (MappedObject object : MappingFileLoader.this.objects) {
				if (read.containsKey(object)) {
					objects.put(object, read.get(object));
				}
				else {
					problem(path + "." + object.key(), node,
							"missing: every object must be mapped (use 'direction: none' to switch one off)");
				}
			}
			return objects;
		}

		private ObjectMapping object(MappedObject object, Node node, String path, LeadScoreMapping leadScore) {
			Map<String, Node> keys = keys(node, path,
					Set.of("salesforce-object", "crm-table", "direction", "fields", "custom-fields"));
			if (keys == null) {
				return null;
			}
			fixedName(keys, "salesforce-object", path, object.salesforceObject(),
					"the sync reads and writes only this Salesforce object for " + object.key());
			fixedName(keys, "crm-table", path, object.crmTable(),
					"the sync reads and writes only this CRM table for " + object.key());
			Direction direction = direction(required(keys, "direction", node, path), path + ".direction",
					object.supportedDirection(), object.key() + " supports");
			List<FieldMapping> fields = fields(object, required(keys, "fields", node, path), path + ".fields",
					direction, leadScore);
			CustomFieldSync customFields = CustomFieldSync.NOT_SYNCED;
			if (keys.containsKey("custom-fields")) {
				if (object.hasCustomFields()) {
					customFields = customFields(keys.get("custom-fields"), path + ".custom-fields", direction);
				}
				else {
					problem(path + ".custom-fields", keys.get("custom-fields"),
							"custom fields are synced only for " + MappingFileLoader.this.objects.stream()
								.filter(MappedObject::hasCustomFields)
								.map(MappedObject::key)
								.collect(Collectors.joining(" and ")));
				}
			}
			else if (object.hasCustomFields() && direction != null) {
				customFields = new CustomFieldSync(direction, Map.of());
			}
			if (direction == null || fields == null || customFields == null) {
				return null;
			}
			return new ObjectMapping(object, object.salesforceObject(), object.crmTable(), direction, fields,
					customFields);
		}

		private List<FieldMapping> fields(MappedObject object, Node node, String path, Direction objectDirection,
				LeadScoreMapping leadScore) {
			if (node == null) {
				return null;
			}
			if (!(node instanceof SequenceNode sequence)) {
				problem(path, node, "expected a list of fields");
				return null;
			}
			List<FieldMapping> fields = new ArrayList<>();
			Map<String, String> salesforceSeen = new LinkedHashMap<>();
			Map<String, String> crmSeen = new LinkedHashMap<>();
			boolean complete = true;
			for (int i = 0; i < sequence.getValue().size(); i++) {
				Node entry = sequence.getValue().get(i);
				String fieldPath = path + "[" + i + "]";
				FieldMapping field = field(entry, fieldPath, objectDirection);
				if (field == null) {
					complete = false;
					continue;
				}
				String previous = salesforceSeen.putIfAbsent(field.salesforceField().toLowerCase(Locale.ROOT),
						fieldPath);
				if (previous != null) {
					problem(fieldPath + ".salesforce", entry,
							"duplicate: " + field.salesforceField() + " is already mapped at " + previous);
					complete = false;
				}
				previous = crmSeen.putIfAbsent(field.crmColumn().toLowerCase(Locale.ROOT), fieldPath);
				if (previous != null) {
					problem(fieldPath + ".crm", entry,
							"duplicate: " + field.crmColumn() + " is already mapped at " + previous);
					complete = false;
				}
				// the score step owns the score field on the objects it pushes scores to
				if (object.leadScore() && field.salesforceField().equalsIgnoreCase(leadScore.salesforceField())) {
					problem(fieldPath + ".salesforce", entry, field.salesforceField()
							+ " is the lead score field (lead-score.salesforce-field): the score step pushes it");
					complete = false;
				}
				fields.add(field);
			}
			return complete ? fields : null;
		}

		private FieldMapping field(Node node, String path, Direction objectDirection) {
			Map<String, Node> keys = keys(node, path,
					Set.of("crm", "salesforce", "type", "direction", "blank-overwrites"));
			if (keys == null) {
				return null;
			}
			String crm = crmIdentifier(required(keys, "crm", node, path), path + ".crm");
			String salesforce = salesforceName(required(keys, "salesforce", node, path), path + ".salesforce");
			ValueType type = type(required(keys, "type", node, path), path + ".type");
			Direction direction = keys.containsKey("direction")
					? direction(keys.get("direction"), path + ".direction", objectDirection, "its object allows")
					: objectDirection;
			Boolean blankOverwrites = keys.containsKey("blank-overwrites")
					? bool(keys.get("blank-overwrites"), path + ".blank-overwrites") : Boolean.FALSE;
			if (crm == null || salesforce == null || type == null || direction == null || blankOverwrites == null) {
				return null;
			}
			return FieldMapping.column(crm, salesforce, direction, type, blankOverwrites);
		}

		private CustomFieldSync customFields(Node node, String path, Direction objectDirection) {
			Map<String, Node> keys = keys(node, path, Set.of("direction", "blank-overwrites", "overrides"));
			if (keys == null) {
				return null;
			}
			Direction direction = keys.containsKey("direction")
					? direction(keys.get("direction"), path + ".direction", objectDirection, "its object allows")
					: objectDirection;
			Boolean blankOverwrites = keys.containsKey("blank-overwrites")
					? bool(keys.get("blank-overwrites"), path + ".blank-overwrites") : Boolean.FALSE;
			Map<String, Direction> overrides = new LinkedHashMap<>();
			Map<String, Boolean> blankOverrides = new LinkedHashMap<>();
			boolean complete = blankOverwrites != null;
			if (keys.containsKey("overrides")) {
				Map<String, Node> entries = keys(keys.get("overrides"), path + ".overrides", null);
				if (entries == null) {
					return null;
				}
				for (Map.Entry<String, Node> entry : entries.entrySet()) {
					String overridePath = path + ".overrides." + entry.getKey();
					if (!SALESFORCE_NAME.matcher(entry.getKey()).matches() || !entry.getKey().endsWith("__c")) {
						problem(overridePath, entry.getValue(),
								"'" + entry.getKey() + "' is not a Salesforce custom field name (ends in __c)");
						complete = false;
					}
					else {
						complete &= customFieldOverride(entry, overridePath, objectDirection, overrides,
								blankOverrides);
					}
				}
			}
			return (direction != null && complete)
					? new CustomFieldSync(direction, overrides, blankOverwrites, blankOverrides) : null;
		}

		/**
		 * One field's override: a direction ({@code Region__c: push}), or its own
		 * settings ({@code Region__c: { direction: push, blank-overwrites: true }}).
		 */
		private boolean customFieldOverride(Map.Entry<String, Node> entry, String path, Direction objectDirection,
				Map<String, Direction> overrides, Map<String, Boolean> blankOverrides) {
			if (!(entry.getValue() instanceof MappingNode)) {
				Direction override = direction(entry.getValue(), path, objectDirection, "its object allows");
				if (override != null) {
					overrides.put(entry.getKey(), override);
				}
				return override != null;
			}
			Map<String, Node> settings = keys(entry.getValue(), path, Set.of("direction", "blank-overwrites"));
			if (settings == null) {
				return false;
			}
			boolean complete = true;
			if (settings.containsKey("direction")) {
				Direction override = direction(settings.get("direction"), path + ".direction", objectDirection,
						"its object allows");
				complete = override != null;
				if (override != null) {
					overrides.put(entry.getKey(), override);
				}
			}
			if (settings.containsKey("blank-overwrites")) {
				Boolean blank = bool(settings.get("blank-overwrites"), path + ".blank-overwrites");
				complete &= blank != null;
				if (blank != null) {
					blankOverrides.put(entry.getKey(), blank);
				}
			}
			return complete;
		}

		private LeadScoreMapping leadScore(Node node, String path) {
			Map<String, Node> keys = keys(node, path, Set.of("salesforce-field", "direction"));
			if (keys == null) {
				return LeadScoreMapping.DEFAULT;
			}
			String field = keys.containsKey("salesforce-field")
					? salesforceName(keys.get("salesforce-field"), path + ".salesforce-field")
					: LeadScoreMapping.DEFAULT_FIELD;
			Direction direction = keys.containsKey("direction")
					? direction(keys.get("direction"), path + ".direction", Direction.PUSH, "lead scores support")
					: Direction.PUSH;
			// on a problem, carry on with the default so the objects are still checked
			return (field != null && direction != null) ? new LeadScoreMapping(field, direction)
					: LeadScoreMapping.DEFAULT;
		}

		private EventTaskMapping events(Node node, String path) {
			Map<String, Node> keys = keys(node, path, Set.of("direction", "salesforce-object", "external-id-field",
					"completed-status", "subject", "activity-date", "description"));
			if (keys == null) {
				return null;
			}
			EventTaskMapping defaults = EventTaskMapping.DEFAULT;
			fixedName(keys, "salesforce-object", path, EventTaskMapping.SALESFORCE_OBJECT,
					"events become Salesforce Tasks");
			Direction direction = keys.containsKey("direction")
					? direction(keys.get("direction"), path + ".direction", Direction.PUSH, "events support")
					: defaults.direction();
			String externalId = keys.containsKey("external-id-field")
					? salesforceName(keys.get("external-id-field"), path + ".external-id-field")
					: defaults.externalIdField();
			String status = keys.containsKey("completed-status")
					? text(keys.get("completed-status"), path + ".completed-status") : defaults.completedStatus();
			String subject = keys.containsKey("subject") ? crmIdentifier(keys.get("subject"), path + ".subject")
					: defaults.subjectColumn();
			String activityDate = keys.containsKey("activity-date")
					? crmIdentifier(keys.get("activity-date"), path + ".activity-date") : defaults.activityDateColumn();
			String description = keys.containsKey("description")
					? crmIdentifier(keys.get("description"), path + ".description") : defaults.descriptionColumn();
			if (direction == null || externalId == null || status == null || subject == null || activityDate == null
					|| description == null) {
				return null;
			}
			return new EventTaskMapping(direction, externalId, status, subject, activityDate, description);
		}

		// --- scalar readers: each reports its own problem and returns null on one

		private Direction direction(Node node, String path, Direction within, String allowedBy) {
			String text = text(node, path);
			if (text == null) {
				return null;
			}
			Direction direction = Direction.fromYaml(text).orElse(null);
			if (direction == null) {
				problem(path, node, "'" + text + "' is not a direction (" + Direction.yamlNames() + ")");
				return null;
			}
			if (within != null && !within.allows(direction)) {
				String allowed = Stream.of(Direction.values())
					.filter(within::allows)
					.map(Direction::yamlName)
					.collect(Collectors.joining(", "));
				problem(path, node, "'" + text + "' is outside what " + allowedBy + " (" + allowed + ")");
				return null;
			}
			return direction;
		}

		private ValueType type(Node node, String path) {
			String text = text(node, path);
			if (text == null) {
				return null;
			}
			ValueType type = ValueType.fromYaml(text).orElse(null);
			if (type == null) {
				problem(path, node, "'" + text + "' is not a type (" + ValueType.yamlNames() + ")");
			}
			return type;
		}

		private Boolean bool(Node node, String path) {
			String text = text(node, path);
			if (text == null) {
				return null;
			}
			if (text.equals("true") || text.equals("false")) {
				return Boolean.valueOf(text);
			}
			problem(path, node, "'" + text + "' is not true or false");
			return null;
		}

		private String crmIdentifier(Node node, String path) {
			String text = text(node, path);
			if (text != null && !CRM_IDENTIFIER.matcher(text).matches()) {
				problem(path, node, "'" + text + "' is not a CRM column name (letters, digits, _)");
				return null;
			}
			return text;
		}

		private String salesforceName(Node node, String path) {
			String text = text(node, path);
			if (text != null && !SALESFORCE_NAME.matcher(text).matches()) {
				problem(path, node, "'" + text + "' is not a Salesforce API name (letters, digits, _)");
				return null;
			}
			return text;
		}

		private void fixedName(Map<String, Node> keys, String key, String path, String expected, String why) {
			if (keys.containsKey(key)) {
				String text = text(keys.get(key), path + "." + key);
				if (text != null && !text.equals(expected)) {
					problem(path + "." + key, keys.get(key), "'" + text + "' must be " + expected + " (" + why + ")");
				}
			}
		}

		private String text(Node node, String path) {
			if (node == null) {
				return null;
			}
			if (!(node instanceof ScalarNode scalar)) {
				problem(path, node, "expected a single value");
				return null;
			}
			if (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
				problem(path, node, "missing value");
				return null;
			}
			return scalar.getValue();
		}

		// --- structure

		/**
		 * The entries of a mapping node by key, reporting keys outside {@code allowed}
		 * (unless {@code null}: any key) and keys given twice.
		 */
		private Map<String, Node> keys(Node node, String path, Set<String> allowed) {
			if (!(node instanceof MappingNode mapping)) {
				problem(path.isEmpty() ? "(top level)" : path, node, "expected a mapping of keys to values");
				return null;
			}
			Map<String, Node> entries = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				Node keyNode = tuple.getKeyNode();
				String key = (keyNode instanceof ScalarNode scalar) ? scalar.getValue() : null;
				String keyPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
				if (key == null) {
					problem(path, keyNode, "keys must be plain names");
				}
				else if (entries.containsKey(key)) {
					problem(keyPath, keyNode, "duplicate key '" + key + "'");
				}
				else if (allowed != null && !allowed.contains(key)) {
					problem(keyPath, keyNode, "unknown key '" + key + "' (known: "
							+ allowed.stream().sorted().collect(Collectors.joining(", ")) + ")");
				}
				else {
					entries.put(key, tuple.getValueNode());
				}
			}
			return entries;
		}

		private Node required(Map<String, Node> keys, String key, Node parent, String path) {
			Node node = keys.get(key);
			if (node == null) {
				problem(path.isEmpty() ? key : path + "." + key, parent, "missing required key '" + key + "'");
			}
			return node;
		}

		private void problem(String path, Node node, String message) {
			String line = (node != null) ? " (line " + (node.getStartMark().getLine() + 1) + ")" : "";
			this.problems.add(this.fileName + ": " + path + line + ": " + message);
		}

	}

	private MappedObject knownObject(String key) {
		return this.objects.stream().filter((object) -> object.key().equals(key)).findFirst().orElse(null);
	}

	private String knownKeys() {
		return this.objects.stream().map(MappedObject::key).collect(Collectors.joining(", "));
	}

}
