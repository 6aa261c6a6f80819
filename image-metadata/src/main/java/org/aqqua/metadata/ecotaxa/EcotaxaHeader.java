package org.aqqua.metadata.ecotaxa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.aqqua.metadata.RowProblem;

/**
 * EcoTaxa's header rules (its {@code TSVFile.validate_structure} and {@code Mappings}): every column is
 * {@code table_field}; EcoTaxa's own fields are known; any other column must belong to a table that has free
 * columns ({@code object}, {@code sample}, {@code acq}, {@code process}), an object column must be typed
 * {@code [f]} or {@code [t]} in the type row (other tables' columns are text whatever their type), and each table
 * has a limited number of free columns (per table: object 500 numbers and 20 texts, sample 60, acquisition 30,
 * process 30). A table whose columns are present needs its id column ({@code acq_id} when there are {@code acq_}
 * columns, likewise {@code sample_id}, {@code process_id}, {@code object_id}).
 *
 * <p>EcoTaxa counts free columns over a whole project (mappings from earlier imports use some); here they are
 * counted per table, which is all a single upload can tell.
 */
final class EcotaxaHeader {

    static final String ALTITUDE = "object_altitude";

    /** EcoTaxa's own columns (its {@code PREDEFINED_FIELDS} and {@code DOUBLED_FIELDS}). */
    static final Set<String> PREDEFINED = Set.of("object_annotation_category", "object_annotation_category_id",
            "object_annotation_date", "object_annotation_person_name", "object_annotation_status",
            "object_annotation_hierarchy", "object_id", "sample_id", "acq_id", "process_id", "object_lat",
            "object_lon", "object_date", "object_time", "object_link", "object_depth_min", "object_depth_max",
            "complement_info", "img_rank", "img_file_name", "sample_dataportal_descriptor", "acq_instrument",
            "object_annotation_time", "object_annotation_person_email");

    private static final Map<String, Column.Kind> PREDEFINED_KINDS = Map.of(
            "object_lat", Column.Kind.LATITUDE, "object_lon", Column.Kind.LONGITUDE,
            "object_depth_min", Column.Kind.NUMBER, "object_depth_max", Column.Kind.NUMBER,
            "img_rank", Column.Kind.NUMBER, "object_annotation_category_id", Column.Kind.NUMBER,
            "object_date", Column.Kind.DATE, "object_annotation_date", Column.Kind.DATE,
            "object_time", Column.Kind.TIME, "object_annotation_time", Column.Kind.TIME);

    /** Tables with free columns, in the order EcoTaxa checks their ids, with their room for texts. */
    private static final Map<String, Integer> TEXT_ROOM = orderedRoom();
    private static final int OBJECT_NUMBER_ROOM = 500;
    private static final Pattern TYPE_CELL = Pattern.compile("\\[[^\\[\\]\\t]{0,10}\\]");

    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final List<RowProblem> problems;

    private EcotaxaHeader(List<Column> columns, Map<String, Column> byName, List<RowProblem> problems) {
        this.columns = columns;
        this.byName = byName;
        this.problems = problems;
    }

    /** Whether a record is EcoTaxa's type row: every cell blank or like {@code [t]}, at least one not blank. */
    static boolean isTypeRow(List<String> cells) {
        boolean any = false;
        for (String cell : cells) {
            String type = Cells.clean(cell);
            if (type.isEmpty()) {
                continue;
            }
            if (!TYPE_CELL.matcher(type).matches()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Reads the header (line 1) and the type row (line 2; {@code null} when the table has none, then object
     * columns of the provider's own are {@link Column.Kind#UNTYPED}).
     */
    static EcotaxaHeader read(String file, List<String> names, List<String> types) {
        List<Column> columns = new ArrayList<>();
        Map<String, Column> byName = new HashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Set<String>> fieldsPerPrefix = new LinkedHashMap<>();
        Map<String, Integer> used = new HashMap<>();
        for (int index = 0; index < names.size(); index++) {
            String written = names.get(index);
            String name = strip(written).toLowerCase(java.util.Locale.ROOT);
            Column.Kind kind = kind(file, name, written, index, types, fieldsPerPrefix, used, problems);
            if (byName.containsKey(name)) {
                problems.add(RowProblem.ofField(file, 1, name, written, "Duplicate column '" + name
                        + "': only its first occurrence is read."));
                kind = Column.Kind.IGNORED;
            }
            Column column = new Column(index, written, name, kind);
            columns.add(column);
            byName.putIfAbsent(name, column);
        }
        fieldsPerPrefix.forEach((prefix, fields) -> {
            String id = prefix + "_id";
            if (TEXT_ROOM.containsKey(prefix) && !fields.contains(id)) {
                problems.add(RowProblem.ofField(file, 1, id, null, "Field " + id + " is mandatory as there are some "
                        + prefix + " columns: " + Cells.pythonList(new ArrayList<>(fields)) + "."));
            }
        });
        if (!byName.containsKey("img_file_name")) {
            problems.add(RowProblem.ofField(file, 1, "img_file_name", null,
                    "Missing column img_file_name: each row must name its image."));
        }
        return new EcotaxaHeader(Collections.unmodifiableList(columns), byName, Collections.unmodifiableList(problems));
    }

    List<Column> columns() {
        return columns;
    }

    /** The column of that (normalised) name, or {@code null}. */
    Column column(String name) {
        return byName.get(name);
    }

    /** Problems of the header (line 1) and type row (line 2). */
    List<RowProblem> problems() {
        return problems;
    }

    private static Column.Kind kind(String file, String name, String written, int index, List<String> types,
            Map<String, Set<String>> fieldsPerPrefix, Map<String, Integer> used, List<RowProblem> problems) {
        int underscore = name.indexOf('_');
        if (underscore < 0) {
            problems.add(RowProblem.ofField(file, 1, name, written,
                    "Invalid Header '" + name + "'. Format must be Table_Field."));
            return Column.Kind.IGNORED;
        }
        String prefix = name.substring(0, underscore);
        fieldsPerPrefix.computeIfAbsent(prefix, p -> new TreeSet<>()).add(name);
        if (PREDEFINED.contains(name)) {
            return name.equals("object_annotation_status") ? Column.Kind.STATUS
                    : PREDEFINED_KINDS.getOrDefault(name, Column.Kind.TEXT);
        }
        if (!TEXT_ROOM.containsKey(prefix)) {
            problems.add(RowProblem.ofField(file, 1, name, written,
                    "Invalid Header '" + name + "'. Unknown table prefix '" + prefix + "'."));
            return Column.Kind.IGNORED;
        }
        Column.Kind kind = Column.Kind.TEXT;
        String room = "t";
        if (prefix.equals("object")) {
            if (types == null) {
                kind = Column.Kind.UNTYPED;
                room = "n";
            } else {
                String type = index < types.size() ? strip(types.get(index)) : "";
                if (type.equals("[f]")) {
                    kind = Column.Kind.NUMBER;
                    room = "n";
                } else if (!type.equals("[t]")) {
                    problems.add(RowProblem.ofField(file, 2, name, type,
                            "Invalid Type '" + type + "' for field '" + name + "'."));
                    return Column.Kind.IGNORED;
                }
            }
        }
        int taken = used.merge(prefix + room, 1, Integer::sum);
        int limit = room.equals("n") ? OBJECT_NUMBER_ROOM : TEXT_ROOM.get(prefix);
        if (taken > limit) {
            problems.add(RowProblem.ofField(file, 1, name, null,
                    "Field " + name + " cannot be mapped. Too many custom fields, or bad type."));
            return Column.Kind.IGNORED;
        }
        return kind;
    }

    /** Header names lose surrounding spaces and tabs only, as in EcoTaxa. */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static Map<String, Integer> orderedRoom() {
        Map<String, Integer> room = new LinkedHashMap<>();
        room.put("object", 20);
        room.put("acq", 30);
        room.put("process", 30);
        room.put("sample", 60);
        return Collections.unmodifiableMap(room);
    }
}
