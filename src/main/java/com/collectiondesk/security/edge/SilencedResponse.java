package com.collectiondesk.security.edge;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.BooleanSupplier;

/**
 * Passes everything on until {@code silenced} turns true, then drops whatever the application still answers (its
 * status, headers and body), so that the filter that silenced it can answer instead. Spring and Jersey flush their
 * error answers at once, which would otherwise commit a 400 before the body cap's 413 could be written.
 */
final class SilencedResponse extends HttpServletResponseWrapper {

    private static final ServletOutputStream NOWHERE = new ServletOutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    };

    private final BooleanSupplier silenced;

    SilencedResponse(HttpServletResponse response, BooleanSupplier silenced) {
        super(response);
        this.silenced = silenced;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return silenced.getAsBoolean() ? NOWHERE : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return silenced.getAsBoolean() ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
    }

    @Override
    public void setStatus(int status) {
        if (!silenced.getAsBoolean()) {
            super.setStatus(status);
        }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (!silenced.getAsBoolean()) {
            super.sendError(status, message);
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        if (!silenced.getAsBoolean()) {
            super.sendError(status);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!silenced.getAsBoolean()) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!silenced.getAsBoolean()) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setContentType(String type) {
        if (!silenced.getAsBoolean()) {
            super.setContentType(type);
        }
    }

    @Override
    public void setContentLength(int length) {
        if (!silenced.getAsBoolean()) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!silenced.getAsBoolean()) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!silenced.getAsBoolean()) {
            super.flushBuffer();
        }
    }

    @Override
    public void reset() {
        if (!silenced.getAsBoolean()) {
            super.reset();
        }
    }

    @Override
    public void resetBuffer() {
        if (!silenced.getAsBoolean()) {
            super.resetBuffer();
        }
    }
}
