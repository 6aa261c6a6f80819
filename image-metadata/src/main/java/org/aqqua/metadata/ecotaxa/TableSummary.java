package org.aqqua.metadata.ecotaxa;

/**
 * What reading one EcoTaxa table gave.
 *
 * @param rowsRead rows passed to the sink (with or without problems)
 * @param problems problems passed to the sink
 * @param complete false when reading stopped before the end of the table (an over-long line, an unreadable
 *                 header)
 */
public record TableSummary(int rowsRead, int problems, boolean complete) {
}
