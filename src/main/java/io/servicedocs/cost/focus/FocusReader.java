package io.servicedocs.cost.focus;

/**
 * A reading engine: turns a FOCUS input into {@link ChargeGroup}s. Every engine checks the same
 * things (required columns, values it cannot understand) and reports them as {@link FocusError}s
 * naming the input and, where it can, the line or row and the column; the groups of the same
 * rows are equal whatever engine read them.
 */
public interface FocusReader {

    FocusRead read(FocusInput input) throws FocusImportException;
}
