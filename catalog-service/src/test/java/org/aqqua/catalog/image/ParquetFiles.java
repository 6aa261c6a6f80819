package org.aqqua.catalog.image;

import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a Parquet file as a client would, with Parquet's own reader and its example record model (generic rows by
 * column name), from bytes in memory. Independent of the writer: nothing here comes from {@link ParquetManifest}.
 */
final class ParquetFiles {

    private ParquetFiles() {
    }

    record Contents(MessageType schema, int rowGroups, List<Group> rows, List<CompressionCodecName> codecs) {

        /** Each row as the image record it was written from. */
        List<ImageView> images() {
            return rows.stream().map(ParquetFiles::image).toList();
        }
    }

    static Contents read(byte[] file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ZstdReader()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new BytesFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO columns = new ColumnIOFactory().getColumnIO(schema);
            List<CompressionCodecName> codecs = reader.getRowGroups().stream()
                    .flatMap(group -> group.getColumns().stream()).map(c -> c.getCodec()).distinct().toList();
            List<Group> rows = new ArrayList<>();
            for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                RecordReader<Group> records = columns.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    rows.add(records.read());
                }
            }
            return new Contents(schema, reader.getRowGroups().size(), rows, codecs);
        }
    }

    static ImageView image(Group row) {
        return new ImageView(row.getLong("id", 0), UUID.fromString(row.getString("dataset_id", 0)),
                row.getString("object_id", 0), row.getString("sha256", 0), row.getString("storage_key", 0),
                row.getLong("bytes", 0), row.getInteger("width", 0), row.getInteger("height", 0),
                row.getString("format", 0), row.getDouble("pixel_size_um", 0), row.getDouble("latitude", 0),
                row.getDouble("longitude", 0), number(row, "depth_min"), number(row, "depth_max"),
                number(row, "altitude"), instant(row.getLong("observed_at", 0)), row.getString("instrument", 0),
                text(row, "sample_id"), text(row, "label"), text(row, "label_status"), text(row, "traits"),
                text(row, "raw"));
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
    }

    private static Double number(Group row, String field) {
        return row.getFieldRepetitionCount(field) == 0 ? null : row.getDouble(field, 0);
    }

    private static String text(Group row, String field) {
        return row.getFieldRepetitionCount(field) == 0 ? null : row.getString(field, 0);
    }

    /** An in-memory file. */
    private record BytesFile(byte[] bytes) implements InputFile {

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            Seekable in = new Seekable(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return in.position();
                }

                @Override
                public void seek(long position) {
                    in.seek(position);
                }
            };
        }
    }

    private static final class Seekable extends ByteArrayInputStream {

        Seekable(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(long position) {
            pos = Math.toIntExact(position);
        }
    }

    /** ZSTD pages decompressed by aircompressor; Parquet's own decompressors would need Hadoop. */
    private static final class ZstdReader implements CompressionCodecFactory {

        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            return new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
                    if (codec == CompressionCodecName.UNCOMPRESSED) {
                        return bytes;
                    }
                    if (codec != CompressionCodecName.ZSTD) {
                        throw new IOException("Unexpected codec " + codec);
                    }
                    byte[] input = bytes.toByteArray();
                    byte[] output = new byte[decompressedSize];
                    int length = new ZstdDecompressor().decompress(input, 0, input.length, output, 0, output.length);
                    if (length != decompressedSize) {
                        throw new IOException("Page decompressed to " + length + " bytes, not " + decompressedSize);
                    }
                    return BytesInput.from(output);
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output,
                        int decompressedSize) {
                    throw new UnsupportedOperationException("heap pages only");
                }

                @Override
                public void release() {
                    // Nothing held.
                }
            };
        }

        @Override
        public void release() {
            // Nothing held.
        }
    }
}
