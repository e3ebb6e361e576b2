// The built site over HTTP/2 with TLS, as GitHub Pages serves it, for Lighthouse in the benchmark.
//
//   node tests/pages_h2_server.mjs SITE_DIR PORT SUBPATH KEY CERT TYPES_JSON COMPRESSED_JSON
//
// Why HTTP/2 (and so TLS, with a throwaway certificate): see tests/pages_h2.py, which starts it.
// The rest matches tests/benchmark.py's _PagesLikeHandler: the site under SUBPATH only, gzip
// for the content types it lists (passed in, not typed twice), a 10-minute cache.
import fs from "node:fs";
import http2 from "node:http2";
import path from "node:path";
import zlib from "node:zlib";

const [site, port, subpath, key, cert, typesJson, compressedJson] = process.argv.slice(2);
const types = JSON.parse(typesJson); // extension -> content type, from Python's mimetypes
const compressed = JSON.parse(compressedJson); // content-type prefixes sent gzip-compressed
const root = path.resolve(site);

function reply(stream, status, headers = {}, body = "") {
  stream.respond({ ":status": status, "content-length": Buffer.byteLength(body), ...headers });
  stream.end(body);
}

const server = http2.createSecureServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) });
server.on("stream", (stream, headers) => {
  const url = decodeURIComponent(headers[":path"].split("?")[0]);
  if (!url.startsWith(subpath)) return reply(stream, 404);
  let file = path.resolve(root, "." + url.slice(subpath.length - 1));
  if (file !== root && !file.startsWith(root + path.sep)) return reply(stream, 404);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    if (!url.endsWith("/")) return reply(stream, 301, { location: url + "/" });
    file = path.join(file, "index.html");
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return reply(stream, 404);
  const type = types[path.extname(file).toLowerCase()] || "application/octet-stream";
  const extra = { "content-type": type, "cache-control": "max-age=600" };
  let body = fs.readFileSync(file);
  if (compressed.some((prefix) => type.startsWith(prefix)) && /\bgzip\b/.test(headers["accept-encoding"] || "")) {
    body = zlib.gzipSync(body, { level: 6 });
    extra["content-encoding"] = "gzip";
  }
  reply(stream, 200, extra, body);
});
server.listen(Number(port), "127.0.0.1", () => console.log("ready"));
