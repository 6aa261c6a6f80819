package org.aqqua.catalog.dataset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the status under its wire name, as the migration's check constraint expects. */
@Converter(autoApply = true)
public class DatasetStatusConverter implements AttributeConverter<DatasetStatus, String> {

    @Override
    public String convertToDatabaseColumn(DatasetStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public DatasetStatus convertToEntityAttribute(String value) {
        return value == null ? null : DatasetStatus.fromWireName(value);
    }
}
