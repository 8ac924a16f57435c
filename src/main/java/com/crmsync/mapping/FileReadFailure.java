/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.mapping;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The operating system's reason a file could not be read, in its own words. Java's file
 * exceptions carry the file's name as their message and the reason, if at all, apart: the
 * message alone reads as an empty reason ("Cannot read ...: jobs/field-mappings.yml").
 */
final class FileReadFailure {

	private FileReadFailure() {
	}

	/**
	 * The reason, as {@code strerror} says it where Java knows it.
	 * @param failure what reading threw
	 * @return e.g. {@code No such file or directory}
	 */
	static String reason(IOException failure) {
		if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			return fileSystem.getReason();
		}
		if (failure instanceof NoSuchFileException) {
			return "No such file or directory";
		}
		if (failure instanceof AccessDeniedException) {
			return "Permission denied";
		}
		if (failure instanceof NotDirectoryException) {
			return "Not a directory";
		}
		if (failure instanceof CharacterCodingException) {
			return "not UTF-8 text";
		}
		String message = failure.getMessage();
		return (message != null && !message.isBlank()) ? message : failure.getClass().getSimpleName();
	}

}
