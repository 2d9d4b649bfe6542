package org.qasite.testsupport;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads an XML document (a sitemap, a feed) as a strict, namespace-aware parser does: malformed XML fails the test. */
public final class Xml {

    private Xml() {
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The elements of this name in this namespace, in document order, under {@code parent}. */
    public static List<Element> elements(org.w3c.dom.Node parent, String namespace, String name) {
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagNameNS(namespace, name)
                : ((Element) parent).getElementsByTagNameNS(namespace, name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** The text of the first child element of this name, or null. */
    public static String childText(Element parent, String namespace, String name) {
        List<Element> found = elements(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
