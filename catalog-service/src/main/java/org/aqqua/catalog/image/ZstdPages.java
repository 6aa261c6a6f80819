package org.aqqua.catalog.image;

import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * ZSTD compression of Parquet pages without Hadoop: Parquet's own codecs are Hadoop codecs, so this one is
 * aircompressor's pure-Java ZSTD (no native library to unpack). Writes only. One factory serves one writer, which
 * compresses one page at a time and copies each compressed page away before the next: all the column compressors
 * share one output buffer.
 */
final class ZstdPages implements CompressionCodecFactory {

    private final ZstdCompressor zstd = new ZstdCompressor();
    private byte[] buffer = new byte[0];

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("Only ZSTD is available, not " + codec);
        }
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return ZstdPages.this.compress(bytes);
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.ZSTD;
            }

            @Override
            public void release() {
                // Nothing held per column.
            }
        };
    }

    private BytesInput compress(BytesInput bytes) throws IOException {
        byte[] input = bytes.toByteArray();
        int max = zstd.maxCompressedLength(input.length);
        if (buffer.length < max) {
            buffer = new byte[max];
        }
        int length = zstd.compress(input, 0, input.length, buffer, 0, max);
        return BytesInput.from(buffer, 0, length);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("Parquet exports are only written here");
    }

    @Override
    public void release() {
        buffer = new byte[0];
    }
}
