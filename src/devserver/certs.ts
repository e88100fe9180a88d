import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { writeFileAtomicSync } from "../files/atomic-write.js";
import { join } from "node:path";
import { generate } from "selfsigned";

/**
 * The development certificate, made offline and without sudo: a small local CA and a
 * localhost certificate it signs, kept in .certs/ (gitignored). Trust the CA once (user level,
 * see README) and Word and browsers accept https://localhost:3000.
 */

export interface DevCertificate {
  key: string;
  cert: string;
  caPath: string;
  created: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
/** Browsers refuse server certificates valid for more than 398 days. */
const LEAF_DAYS = 397;
const CA_DAYS = 3 * 365;

export async function ensureDevCertificate(dir: string, now = new Date()): Promise<DevCertificate> {
  const paths = {
    caKey: join(dir, "klarbrev-dev-ca.key"),
    caCert: join(dir, "klarbrev-dev-ca.crt"),
    key: join(dir, "localhost.key"),
    cert: join(dir, "localhost.crt"),
  };
  if (
    Object.values(paths).every((path) => existsSync(path)) &&
    stillValid(readFileSync(paths.cert, "utf8"), now)
  ) {
    return {
      key: readFileSync(paths.key, "utf8"),
      cert: readFileSync(paths.cert, "utf8"),
      caPath: paths.caCert,
      created: false,
    };
  }
  mkdirSync(dir, { recursive: true });
  let ca: { key: string; cert: string };
  if (
    existsSync(paths.caKey) &&
    existsSync(paths.caCert) &&
    stillValid(readFileSync(paths.caCert, "utf8"), now)
  ) {
    ca = { key: readFileSync(paths.caKey, "utf8"), cert: readFileSync(paths.caCert, "utf8") };
  } else {
    const pems = await generate([{ name: "commonName", value: "Klarbrev Development CA" }], {
      keySize: 2048,
      algorithm: "sha256",
      notBeforeDate: new Date(now.getTime() - DAY),
      notAfterDate: new Date(now.getTime() + CA_DAYS * DAY),
      extensions: [
        { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
        { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
      ],
    });
    ca = { key: pems.private, cert: pems.cert };
    writeSecret(paths.caKey, ca.key);
    writeFileAtomicSync(paths.caCert, ca.cert);
  }
  const leaf = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate: new Date(now.getTime() - DAY),
    notAfterDate: new Date(now.getTime() + LEAF_DAYS * DAY),
    ca,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  writeSecret(paths.key, leaf.private);
  writeFileAtomicSync(paths.cert, leaf.cert);
  return { key: leaf.private, cert: leaf.cert, caPath: paths.caCert, created: true };
}

/** Valid for at least another week. */
function stillValid(pem: string, now: Date): boolean {
  try {
    const certificate = new X509Certificate(pem);
    return new Date(certificate.validTo).getTime() - now.getTime() > 7 * DAY;
  } catch {
    return false;
  }
}

function writeSecret(path: string, content: string): void {
  writeFileAtomicSync(path, content, { mode: 0o600 });
}
