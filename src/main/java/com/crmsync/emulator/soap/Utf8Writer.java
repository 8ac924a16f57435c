/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * An unsynchronized UTF-8 writer with its own buffer, for the StAX writer of one
 * response. The JDK's stream-backed StAX writer encodes character by character through a
 * synchronized stream, which dominated the cost of serving query pages; this one encodes
 * runs of characters into a byte array. Characters outside the BMP (a surrogate pair,
 * possibly split across calls) become one 4-byte sequence.
 */
final class Utf8Writer extends Writer {

	private final OutputStream out;

	private final byte[] buffer = new byte[32768];

	private int count;

	private char pendingHighSurrogate;

	Utf8Writer(OutputStream out) {
		this.out = out;
	}

	@Override
	public void write(int c) throws IOException {
		encode((char) c);
	}

	@Override
	public void write(char[] chars, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			encode(chars[i]);
		}
	}

	@Override
	public void write(String text, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			encode(text.charAt(i));
		}
	}

	private void encode(char c) throws IOException {
		if (this.count > this.buffer.length - 4) {
			drain();
		}
		byte[] bytes = this.buffer;
		if (this.pendingHighSurrogate != 0) {
			char high = this.pendingHighSurrogate;
			this.pendingHighSurrogate = 0;
			if (Character.isLowSurrogate(c)) {
				int codePoint = Character.toCodePoint(high, c);
				bytes[this.count++] = (byte) (0xF0 | (codePoint >> 18));
				bytes[this.count++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
				bytes[this.count++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
				bytes[this.count++] = (byte) (0x80 | (codePoint & 0x3F));
				return;
			}
			bytes[this.count++] = '?';
			encode(c);
			return;
		}
		if (c < 0x80) {
			bytes[this.count++] = (byte) c;
		}
		else if (c < 0x800) {
			bytes[this.count++] = (byte) (0xC0 | (c >> 6));
			bytes[this.count++] = (byte) (0x80 | (c & 0x3F));
		}
		else if (Character.isHighSurrogate(c)) {
			this.pendingHighSurrogate = c;
		}
		else if (Character.isLowSurrogate(c)) {
			// a lone low surrogate cannot be encoded
			bytes[this.count++] = '?';
		}
		else {
			bytes[this.count++] = (byte) (0xE0 | (c >> 12));
			bytes[this.count++] = (byte) (0x80 | ((c >> 6) & 0x3F));
			bytes[this.count++] = (byte) (0x80 | (c & 0x3F));
		}
	}

	private void drain() throws IOException {
		this.out.write(this.buffer, 0, this.count);
		this.count = 0;
	}

	@Override
	public void flush() throws IOException {
		drain();
		this.out.flush();
	}

	@Override
	public void close() throws IOException {
		flush();
		this.out.close();
	}

}
