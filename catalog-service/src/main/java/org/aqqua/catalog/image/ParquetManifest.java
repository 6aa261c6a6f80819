package org.aqqua.catalog.image;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The training manifest as Apache Parquet: one row per image with the columns of the CSV manifest, typed, plus
 * traits and raw as JSON text; observed_at is a UTC timestamp in microseconds; columns that may be null are
 * optional. Streamed: Parquet's writer holds one row group at a time (about {@link #ROW_GROUP_BYTES} of
 * compressed pages; it checks every few hundred rows) and writes it to the response when full; the footer, which
 * Parquet puts at the end, follows the last row. Pages are ZSTD-compressed. No Hadoop class is loaded: the
 * configuration, the output file and the codec are not Hadoop's.
 */
final class ParquetManifest extends ExportWriter {

    /** What a row group may hold before it is written out: about the memory one Parquet export needs. */
    static final long ROW_GROUP_BYTES = 16L << 20;

    /** The columns, in order: name, Parquet type, and the value of an image (null: absent). */
    static final List<Column> COLUMNS = List.of(
            Column.required("id", PrimitiveTypeName.INT64, null, ImageView::id),
            Column.required("dataset_id", PrimitiveTypeName.BINARY, text(), i -> i.datasetId().toString()),
            Column.required("object_id", PrimitiveTypeName.BINARY, text(), ImageView::objectId),
            Column.required("sha256", PrimitiveTypeName.BINARY, text(), ImageView::sha256),
            Column.required("storage_key", PrimitiveTypeName.BINARY, text(), ImageView::storageKey),
            Column.required("bytes", PrimitiveTypeName.INT64, null, ImageView::bytes),
            Column.required("width", PrimitiveTypeName.INT32, null, ImageView::width),
            Column.required("height", PrimitiveTypeName.INT32, null, ImageView::height),
            Column.required("format", PrimitiveTypeName.BINARY, text(), ImageView::format),
            Column.required("pixel_size_um", PrimitiveTypeName.DOUBLE, null, ImageView::pixelSizeUm),
            Column.required("latitude", PrimitiveTypeName.DOUBLE, null, ImageView::latitude),
            Column.required("longitude", PrimitiveTypeName.DOUBLE, null, ImageView::longitude),
            Column.optional("depth_min", PrimitiveTypeName.DOUBLE, null, ImageView::depthMin),
            Column.optional("depth_max", PrimitiveTypeName.DOUBLE, null, ImageView::depthMax),
            Column.optional("altitude", PrimitiveTypeName.DOUBLE, null, ImageView::altitude),
            Column.required("observed_at", PrimitiveTypeName.INT64,
                    LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS),
                    i -> IsoInstants.epochMicros(i.observedAt())),
            Column.required("instrument", PrimitiveTypeName.BINARY, text(), ImageView::instrument),
            Column.optional("sample_id", PrimitiveTypeName.BINARY, text(), ImageView::sampleId),
            Column.optional("label", PrimitiveTypeName.BINARY, text(), ImageView::label),
            Column.optional("label_status", PrimitiveTypeName.BINARY, text(), ImageView::labelStatus),
            Column.optional("traits", PrimitiveTypeName.BINARY, LogicalTypeAnnotation.jsonType(), ImageView::traits),
            Column.optional("raw", PrimitiveTypeName.BINARY, LogicalTypeAnnotation.jsonType(), ImageView::raw));

    /** Unique per image: a dictionary would only fill up and be dropped in every row group. */
    private static final List<String> WITHOUT_DICTIONARY = List.of("id", "object_id", "sha256", "storage_key",
            "raw");

    static final MessageType SCHEMA = schema();

    private final OutputStream output;
    private final long rowGroupBytes;
    private ParquetWriter<Values> writer;
    private CopyValues copyValues;

    ParquetManifest(OutputStream output) {
        this(output, ROW_GROUP_BYTES);
    }

    ParquetManifest(OutputStream output, long rowGroupBytes) {
        this.output = output;
        this.rowGroupBytes = rowGroupBytes;
    }

    /** Opens the writer, which writes the leading magic bytes. */
    @Override
    void header() throws IOException {
        Builder builder = new Builder(new StreamOutputFile(output))
                .withConf(new PlainParquetConfiguration()) // without it, Parquet makes a Hadoop Configuration
                .withCodecFactory(new ZstdPages())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withRowGroupSize(rowGroupBytes);
        for (String column : WITHOUT_DICTIONARY) {
            builder.withDictionaryEncoding(column, false);
        }
        writer = builder.build();
    }

    /** A row of the export, straight from its bytes: text goes to Parquet as the UTF-8 PostgreSQL sent. */
    @Override
    void row(BinaryCopyRows rows) throws IOException {
        if (copyValues == null) {
            copyValues = new CopyValues(rows);
        }
        writer.write(copyValues);
    }

    void write(ImageView image) throws IOException {
        writer.write(new ViewValues(image));
    }

    /** Writes the last row group and the footer. */
    @Override
    void finish() throws IOException {
        writer.close();
    }

    private static LogicalTypeAnnotation text() {
        return LogicalTypeAnnotation.stringType();
    }

    private static MessageType schema() {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column column : COLUMNS) {
            var field = message.primitive(column.type(),
                    column.required() ? Repetition.REQUIRED : Repetition.OPTIONAL);
            if (column.logicalType() != null) {
                field.as(column.logicalType());
            }
            field.named(column.name());
        }
        return message.named("image");
    }

    record Column(String name, PrimitiveTypeName type, LogicalTypeAnnotation logicalType, boolean required,
            Function<ImageView, Object> value) {

        static Column required(String name, PrimitiveTypeName type, LogicalTypeAnnotation logicalType,
                Function<ImageView, Object> value) {
            return new Column(name, type, logicalType, true, value);
        }

        static Column optional(String name, PrimitiveTypeName type, LogicalTypeAnnotation logicalType,
                Function<ImageView, Object> value) {
            return new Column(name, type, logicalType, false, value);
        }

        void write(Values values, int index, RecordConsumer consumer) {
            if (values.isNull(index)) {
                return;
            }
            consumer.startField(name, index);
            switch (type) {
                case INT32 -> consumer.addInteger(values.int32(index));
                case INT64 -> consumer.addLong(values.int64(index));
                case DOUBLE -> consumer.addDouble(values.float64(index));
                case BINARY -> consumer.addBinary(values.binary(index));
                default -> throw new IllegalStateException("No writer for " + type);
            }
            consumer.endField(name, index);
        }
    }

    /**
     * The values of one image by column index ({@link #COLUMNS}, which are {@link ImageView#COLUMNS} in the same
     * order), in Parquet's types: instants as microseconds, text as UTF-8.
     */
    interface Values {

        boolean isNull(int column);

        int int32(int column);

        long int64(int column);

        double float64(int column);

        Binary binary(int column);
    }

    /** An image record's values, through the columns' accessors. */
    private record ViewValues(ImageView image) implements Values {

        @Override
        public boolean isNull(int column) {
            return COLUMNS.get(column).value().apply(image) == null;
        }

        @Override
        public int int32(int column) {
            return (Integer) COLUMNS.get(column).value().apply(image);
        }

        @Override
        public long int64(int column) {
            return (Long) COLUMNS.get(column).value().apply(image);
        }

        @Override
        public double float64(int column) {
            return (Double) COLUMNS.get(column).value().apply(image);
        }

        @Override
        public Binary binary(int column) {
            return Binary.fromString((String) COLUMNS.get(column).value().apply(image));
        }
    }

    /**
     * The current row of a binary COPY of {@link ImageView#COLUMNS}: numbers as sent, text as the bytes in the
     * row's buffer (Parquet copies what it keeps), the dataset id and the instant converted.
     */
    private static final class CopyValues implements Values {

        private static final int DATASET_ID = 1;
        private static final int OBSERVED_AT = 15;

        private final BinaryCopyRows rows;

        CopyValues(BinaryCopyRows rows) {
            this.rows = rows;
        }

        @Override
        public boolean isNull(int column) {
            return rows.isNull(column);
        }

        @Override
        public int int32(int column) {
            return rows.int4(column);
        }

        @Override
        public long int64(int column) {
            return column == OBSERVED_AT ? rows.epochMicros(column) : rows.int8(column);
        }

        @Override
        public double float64(int column) {
            return rows.float8(column);
        }

        @Override
        public Binary binary(int column) {
            if (column == DATASET_ID) {
                return Binary.fromString(rows.uuid(column).toString());
            }
            return Binary.fromReusedByteArray(rows.buffer(), rows.start(column), rows.length(column));
        }
    }

    /** Turns an image into one Parquet record, column by column. */
    private static final class ImageWriteSupport extends WriteSupport<Values> {

        private RecordConsumer consumer;

        /** Never called: the writer is given a {@link PlainParquetConfiguration}. */
        @Override
        @Deprecated
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return init((ParquetConfiguration) null);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, Map.of());
        }

        @Override
        public String getName() {
            return "aqqua";
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Values image) {
            consumer.startMessage();
            for (int c = 0; c < COLUMNS.size(); c++) {
                COLUMNS.get(c).write(image, c, consumer);
            }
            consumer.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Values, Builder> {

        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Never called: the writer is given a {@link PlainParquetConfiguration}. */
        @Override
        @Deprecated
        protected WriteSupport<Values> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return new ImageWriteSupport();
        }

        @Override
        protected WriteSupport<Values> getWriteSupport(ParquetConfiguration configuration) {
            return new ImageWriteSupport();
        }
    }
}
