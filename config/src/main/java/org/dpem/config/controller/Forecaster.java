package org.dpem.config.controller;

/**
 * Per-node demand forecaster; YAML names {@code lstm}, {@code ewma}, {@code seasonal-naive},
 * {@code holt-winters}.
 */
public enum Forecaster { LSTM, EWMA, SEASONAL_NAIVE, HOLT_WINTERS }
