package org.aqqua.testing;

import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
 * A Parquet file read as a client would, with Parquet's own reader and its example record model (generic rows by
 * column name), from bytes in memory: its schema, row groups, rows and the codecs its pages use. Independent of
 * any writer of ours. ZSTD pages are decompressed with aircompressor; Parquet's own codecs would need Hadoop.
 */
public record ParquetContents(MessageType schema, int rowGroups, List<Group> rows, List<CompressionCodecName> codecs) {

    public static ParquetContents read(byte[] file) throws IOException {
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
            return new ParquetContents(schema, reader.getRowGroups().size(), rows, codecs);
        }
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
