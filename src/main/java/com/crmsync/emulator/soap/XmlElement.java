/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soap;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a parsed request: its local name, whether it is {@code xsi:nil}, its
 * text and its child elements. Requests are small (at most 200 records), so a tree is
 * cheap; responses, which can be large, are streamed instead.
 */
public final class XmlElement {

	private final String name;

	private final boolean nil;

	private final List<XmlElement> children = new ArrayList<>();

	private final StringBuilder text = new StringBuilder();

	XmlElement(String name, boolean nil) {
		this.name = name;
		this.nil = nil;
	}

	public String name() {
		return this.name;
	}

	public boolean isNil() {
		return this.nil;
	}

	/**
	 * The element's own text, or {@code null} when it is {@code xsi:nil}.
	 * @return the text
	 */
	public String text() {
		return this.nil ? null : this.text.toString();
	}

	public List<XmlElement> children() {
		return this.children;
	}

	/**
	 * The first child of that local name.
	 * @param childName the local name
	 * @return the child, or {@code null}
	 */
	public XmlElement child(String childName) {
		for (XmlElement child : this.children) {
			if (child.name.equals(childName)) {
				return child;
			}
		}
		return null;
	}

	/**
	 * The text of the first child of that local name.
	 * @param childName the local name
	 * @return the text, or {@code null} when there is no such child or it is nil
	 */
	public String childText(String childName) {
		XmlElement child = child(childName);
		return (child != null) ? child.text() : null;
	}

	/**
	 * All children of that local name, in order.
	 * @param childName the local name
	 * @return the children
	 */
	public List<XmlElement> children(String childName) {
		List<XmlElement> matching = new ArrayList<>();
		for (XmlElement child : this.children) {
			if (child.name.equals(childName)) {
				matching.add(child);
			}
		}
		return matching;
	}

	void append(String characters) {
		this.text.append(characters);
	}

	void add(XmlElement child) {
		this.children.add(child);
	}

}
