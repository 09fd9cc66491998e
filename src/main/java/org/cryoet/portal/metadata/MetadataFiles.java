package org.cryoet.portal.metadata;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.cryoet.format.FormatException;
import org.cryoet.format.json.JsonDocument;
import org.cryoet.format.json.JsonSyntax;
import org.cryoet.store.StorePath;

/** Reads a metadata JSON file strictly, with errors that name the file, line and column. */
public final class MetadataFiles {

	private MetadataFiles() {}

	public static JsonObject read(final Path file) throws FormatException {
		final String text;
		try {
			text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		catch (final NoSuchFileException e) {
			throw new FormatException(file + ": not found");
		}
		catch (final AccessDeniedException e) {
			throw new FormatException(file + ": permission denied");
		}
		catch (final IOException e) {
			throw new FormatException(file + ": unreadable (" + e.getMessage() + ")");
		}
		return parse(text, file.toString());
	}

	/**
	 * A metadata file in any store; a local one is read as a file. A remote
	 * one that cannot be fetched is an {@link IOException} naming its URL.
	 */
	public static JsonObject read(final StorePath file) throws IOException {
		final Path local = file.localPath();
		if (local != null) return read(local);
		final byte[] b = file.read();
		if (b == null) throw new FormatException(file + ": not found");
		return parse(new String(b, StandardCharsets.UTF_8), file.toString());
	}

	private static JsonObject parse(final String text, final String file) throws FormatException {
		// gson recurses per level: a hostile file nested 100,000 deep must be our one line, not a StackOverflowError
		JsonDocument.checkDepth(text, file);
		final JsonElement e;
		try (Reader r = new StringReader(text)) {
			final JsonReader reader = new JsonReader(r);
			reader.setLenient(false);
			e = JsonParser.parseReader(reader);
			if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT)
				throw new FormatException(file + ": malformed JSON: text after the end of the document");
		}
		catch (final JsonParseException | IllegalStateException | IOException ex) {
			throw new FormatException(file + ": " + JsonSyntax.describe(ex));
		}
		if (e == null || !e.isJsonObject()) throw new FormatException(file + ": expected a JSON object, found " + (e ==
			null ? "nothing" : e.isJsonArray() ? "a list" : e.toString()));
		return e.getAsJsonObject();
	}

	/** A string field, or null when absent or not a string. */
	public static String string(final JsonObject o, final String... path) {
		JsonElement e = o;
		for (final String k : path) {
			if (e == null || !e.isJsonObject()) return null;
			e = e.getAsJsonObject().get(k);
		}
		return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
	}
}
