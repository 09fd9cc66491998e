// Reads every level of an OME-Zarr with zarrita (an independent JavaScript
// implementation) and prints one JSON line per level: path, dtype, shape and
// the sha256 of its values, little-endian, C order.
import * as zarr from "zarrita";
import { FileSystemStore } from "@zarrita/storage";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
const attrs = JSON.parse(readFileSync(join(root, ".zattrs"), "utf8"));
const files = new FileSystemStore(root);
// zarrita on Node.js 20 has no float16 type. Reading <f2 as <u2 returns the
// same bits, which is all the checksum needs.
const store = {
	async get(key, opts) {
		const bytes = await files.get(key, opts);
		if (bytes && key.endsWith(".zarray")) {
			const meta = JSON.parse(new TextDecoder().decode(bytes));
			if (meta.dtype === "<f2" || meta.dtype === ">f2") {
				meta.dtype = meta.dtype[0] + "u2";
				return new TextEncoder().encode(JSON.stringify(meta));
			}
		}
		return bytes;
	},
};
for (const ds of attrs.multiscales[0].datasets) {
	const arr = await zarr.open.v2(zarr.root(store).resolve(ds.path), { kind: "array" });
	const chunk = await zarr.get(arr);
	const data = chunk.data;
	const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
	const sha = createHash("sha256").update(bytes).digest("hex");
	const stored = JSON.parse(readFileSync(join(root, ds.path, ".zarray"), "utf8")).dtype;
	console.log(JSON.stringify({ path: ds.path, dtype: stored.endsWith("f2") ? "float16" : arr.dtype, shape: arr.shape, sha256: sha }));
}
