package org.dpem.config.controller;

/** Per-node demand forecaster; YAML names {@code lstm}, {@code ewma}. */
public enum Forecaster { LSTM, EWMA }
