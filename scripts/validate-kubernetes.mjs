// Offline schema check of Kubernetes manifests: node scripts/validate-kubernetes.mjs DIR
// Every document of every .yaml under DIR is checked twice, because neither check is complete alone:
//  1. kubernetes-models validates it against the Kubernetes OpenAPI schema (types, required fields);
//  2. TypeScript checks it against kubernetes-types, whose excess-property check catches unknown fields.
// Kustomization files are checked for resources that exist, and every manifest must be listed by one.
// Prints one line per failure, then "N passed, N failed"; exits 1 when anything failed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const root = resolve(process.argv[2] ?? "deploy/kubernetes");
const repository = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const failures = [];
let passed = 0;

const files = (function walk(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? walk(path) : name.endsWith(".yaml") || name.endsWith(".yml") ? [path] : [];
  });
})(root).sort();

const documents = [];
const listed = new Set();
for (const file of files) {
  for (const [index, document] of parseAllDocuments(readFileSync(file, "utf8")).entries()) {
    const where = `${relative(root, file)} #${index + 1}`;
    if (document.errors.length > 0) {
      failures.push(`${where}: YAML: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS();
    if (object === null) {
      continue;
    }
    if (object.kind === "Kustomization") {
      for (const resource of object.resources ?? []) {
        const path = resolve(dirname(file), resource);
        if (!existsSync(path) || (statSync(path).isDirectory() && !existsSync(join(path, "kustomization.yaml")))) {
          failures.push(`${where}: resource ${resource} is neither a file nor a folder with a kustomization.yaml`);
        }
        listed.add(path);
      }
      passed++;
      continue;
    }
    documents.push({ file, where, object });
  }
}

// 1. The OpenAPI schema.
for (const { where, object } of documents) {
  const [group, version] = String(object.apiVersion).includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  try {
    const module = await import(`kubernetes-models/${group ? `${group}/` : ""}${version}`);
    const Model = module[object.kind];
    if (typeof Model !== "function") {
      throw new Error(`unknown kind ${object.kind} in ${object.apiVersion}`);
    }
    new Model(object).validate();
  } catch (error) {
    failures.push(`${where} (${object.kind}): schema: ${String(error.message ?? error).split("\n").slice(0, 3).join(" ")}`);
  }
}

// 2. Unknown fields, through TypeScript's excess-property check.
// kubernetes-types names API groups by their first label (rbac.authorization.k8s.io is "rbac").
const typesOf = (group) => (group === "" ? "core" : group.split(".")[0]);
const scratch = mkdtempSync(join(tmpdir(), "k8s-validate-"));
try {
  const lines = [];
  documents.forEach(({ object }, i) => {
    const [group, version] = String(object.apiVersion).includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
    lines.push(`import type { ${object.kind} as T${i} } from "kubernetes-types/${typesOf(group)}/${version}";`);
    lines.push(`export const d${i}: T${i} = ${JSON.stringify(object)};`);
  });
  writeFileSync(join(scratch, "manifests.ts"), lines.join("\n") + "\n");
  writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", typeRoots: [], types: [], paths: { "kubernetes-types/*": [join(repository, "node_modules/kubernetes-types/*")] } },
    files: ["manifests.ts"],
  }));
  try {
    execFileSync(join(repository, "node_modules/.bin/tsc"), ["-p", scratch], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    for (const line of `${error.stdout ?? ""}${error.stderr ?? ""}`.split("\n").filter((l) => l.includes("error"))) {
      const index = Number(/manifests\.ts\((\d+),/.exec(line)?.[1] ?? 0) / 2 - 1;
      const document = documents[Math.max(0, Math.ceil(index))];
      failures.push(`${document?.where ?? "?"} (${document?.object.kind ?? "?"}): unknown field or wrong type: ${line.replace(/^.*error /, "")}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

passed += documents.filter(({ where }) => !failures.some((failure) => failure.startsWith(`${where} (`))).length;
for (const file of files) {
  if (!listed.has(file) && !file.endsWith("kustomization.yaml")) {
    failures.push(`${relative(root, file)}: not listed by any kustomization.yaml`);
  }
}
for (const failure of failures) {
  console.log(failure);
}
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
