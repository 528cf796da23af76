import { createRequire as __runnerkitCreateRequire } from 'node:module';
const require = __runnerkitCreateRequire(import.meta.url);

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input2) {
  if (input2 === null || input2 === void 0) {
    return "";
  } else if (typeof input2 === "string" || input2 instanceof String) {
    return input2;
  }
  return JSON.stringify(input2);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

// src/errors.ts
var UserError = class extends Error {
  name = "UserError";
};
function isUserError(error2) {
  return error2 instanceof UserError;
}
function messageOf(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}

// src/pipeline/report.ts
var stageNames = ["lint", "build", "check", "push", "promote", "deploy"];
function emptyImagePipeline(image) {
  return {
    image,
    stages: stageNames.filter((stage) => stage !== "lint").map((stage) => ({ stage, result: "not-run" }))
  };
}
function recordStage(pipeline, record) {
  const index = pipeline.stages.findIndex((entry) => entry.stage === record.stage);
  if (index === -1) pipeline.stages.push(record);
  else pipeline.stages[index] = record;
}
function pipelineFailed(report) {
  const bad = (record) => record.result === "failure" || record.result === "cancelled";
  return bad(report.lint) || report.images.some((image) => image.stages.some(bad));
}
function lintRows(findings, files = []) {
  const rows = /* @__PURE__ */ new Map();
  const row = (file) => {
    let entry = rows.get(file);
    if (entry === void 0) {
      entry = { file, error: 0, warning: 0, info: 0, style: 0 };
      rows.set(file, entry);
    }
    return entry;
  };
  for (const file of files) row(file);
  for (const finding of findings) {
    const entry = row(finding.file);
    if (finding.level === "error" || finding.level === "warning" || finding.level === "info")
      entry[finding.level]++;
    else if (finding.level === "style") entry.style++;
  }
  return [...rows.values()].sort((a, b) => a.file.localeCompare(b.file));
}
function checkRow(image, results2) {
  const row = { image, pass: 0, warn: 0, fail: 0, flagged: [] };
  for (const result of results2) {
    row[result.status]++;
    if (result.status !== "pass") row.flagged.push(result.id);
  }
  return row;
}

// src/pipeline/from-context.ts
var results = /* @__PURE__ */ new Set(["success", "failure", "cancelled", "skipped"]);
var digestPattern = /sha256:[0-9a-f]{64}/;
function resultOf(entry) {
  const value = entry?.outcome ?? entry?.result;
  return typeof value === "string" && results.has(value) ? value : "not-run";
}
function outputsOf(entry) {
  const outputs = entry?.outputs;
  if (outputs === null || typeof outputs !== "object") return {};
  return Object.fromEntries(
    Object.entries(outputs).filter(
      (pair) => typeof pair[1] === "string"
    )
  );
}
function parseJson(text) {
  if (text === void 0 || text.trim() === "") return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function reportFromContext(options) {
  let parsed;
  try {
    parsed = JSON.parse(options.results);
  } catch {
    throw new UserError(
      "results: not JSON; pass ${{ toJSON(steps) }} or ${{ toJSON(needs) }} from the workflow"
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new UserError(
      "results: expected an object of step or job ids, as ${{ toJSON(steps) }} or ${{ toJSON(needs) }} gives"
    );
  }
  const context = parsed;
  const entry = (stage) => context[stage];
  const outputs = (stage) => outputsOf(entry(stage));
  const digestIn = (...texts) => texts.map((text) => text === void 0 ? void 0 : digestPattern.exec(text)?.[0]).find(Boolean);
  const published = outputs("promote").image ?? outputs("push").image ?? "";
  const imageName = options.image?.trim() || published.replace(/@sha256:[0-9a-f]+$/, "") || "image";
  const pipeline = emptyImagePipeline(imageName);
  const tags = [];
  for (const stage of stageNames) {
    if (stage === "lint") continue;
    const out = outputs(stage);
    const record = { stage, result: resultOf(entry(stage)) };
    const checked2 = parseJson(out.json);
    const digest = digestIn(
      out.digest,
      out.image,
      typeof checked2?.subject === "string" ? checked2.subject : void 0
    );
    if (digest !== void 0) record.digest = digest;
    if (stage === "deploy" && out["values-file"]) record.note = out["values-file"];
    recordStage(pipeline, record);
    if ((stage === "push" || stage === "promote") && digest !== void 0) {
      for (const reference of (out.tags ?? "").split(/\s+/).filter(Boolean))
        tags.push({ reference, digest });
    }
  }
  const lintOutputs = outputs("lint");
  const lint = { stage: "lint", result: resultOf(entry("lint")) };
  const findings = parseJson(lintOutputs.results);
  const counts = parseJson(lintOutputs.counts);
  if (typeof counts?.total === "number") lint.note = `${counts.total} finding(s)`;
  const checked = parseJson(outputs("check").json);
  return {
    title: options.title?.trim() || "runnerkit pipeline",
    lint,
    images: [pipeline],
    findings: Array.isArray(findings) ? lintRows(
      findings.filter(
        (finding) => typeof finding.file === "string" && typeof finding.level === "string"
      )
    ) : [],
    checks: Array.isArray(checked?.results) ? [checkRow(imageName, checked.results)] : [],
    tags
  };
}

// src/util/markdown.ts
function escapeMarkdown(text) {
  return text.replace(/[\\`*_{}[\]()#+!|<>&]/g, (char) => `&#${char.charCodeAt(0)};`);
}
function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map((row) => line(row))].join("\n");
}

// src/pipeline/summary.ts
var icons = {
  success: "✅",
  failure: "❌",
  cancelled: "⛔",
  skipped: "⏭️",
  "not-run": "➖"
};
function shortDigest(digest) {
  const match = /^(sha256:)([0-9a-f]{12})[0-9a-f]*$/.exec(digest);
  return match ? `${match[1]}${match[2]}` : digest;
}
function mermaidText(text) {
  return text.replace(/&/g, "#amp;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/[\r\n]+/g, " ");
}
function stageLabel(record) {
  const lines = [`${record.stage} ${icons[record.result]}`, record.result];
  if (record.digest !== void 0) lines.push(shortDigest(record.digest));
  if (record.note !== void 0) lines.push(record.note);
  return lines.map(mermaidText).join("<br/>");
}
function mermaidFlowchart(report) {
  const lines = ["flowchart LR", `  lint["${stageLabel(report.lint)}"]`];
  const classes = [`  class lint ${report.lint.result}`];
  report.images.forEach((image, index) => {
    const lane = `image${index}`;
    lines.push(`  subgraph ${lane}["${mermaidText(image.image)}"]`, "    direction LR");
    image.stages.forEach((record, position) => {
      const node = `${lane}_${record.stage}`;
      lines.push(`    ${node}["${stageLabel(record)}"]`);
      const previous = image.stages[position - 1];
      if (previous !== void 0) lines.push(`    ${lane}_${previous.stage} --> ${node}`);
      classes.push(`  class ${node} ${record.result}`);
    });
    lines.push("  end");
    const first = image.stages[0];
    if (first !== void 0) lines.push(`  lint --> ${lane}_${first.stage}`);
  });
  lines.push(
    "  classDef success fill:#dafbe1,stroke:#1a7f37",
    "  classDef failure fill:#ffebe9,stroke:#cf222e",
    "  classDef cancelled fill:#ffebe9,stroke:#cf222e",
    "  classDef skipped fill:#f6f8fa,stroke:#8c959f",
    "  classDef not-run fill:#f6f8fa,stroke:#d0d7de,stroke-dasharray:4",
    ...classes
  );
  return lines.join("\n");
}
function markdownSummary2(report) {
  const parts = [
    `## ${escapeMarkdown(report.title)}`,
    "",
    "```mermaid",
    mermaidFlowchart(report),
    "```",
    ""
  ];
  parts.push("### Findings per file", "");
  parts.push(
    report.findings.length === 0 ? "_No Dockerfile was linted in this run._" : markdownTable(
      ["file", "error", "warning", "info", "style"],
      report.findings.map((row) => [
        escapeMarkdown(row.file),
        ...[row.error, row.warning, row.info, row.style].map(String)
      ])
    )
  );
  parts.push("", "### Checks per image", "");
  parts.push(
    report.checks.length === 0 ? "_No image was checked in this run._" : markdownTable(
      ["image", "passed", "warnings", "failed", "flagged"],
      report.checks.map((row) => [
        escapeMarkdown(row.image),
        ...[row.pass, row.warn, row.fail].map(String),
        escapeMarkdown(row.flagged.join(", ")) || "—"
      ])
    )
  );
  parts.push("", "### Tags → digest", "");
  parts.push(
    report.tags.length === 0 ? "_No tag was written in this run._" : markdownTable(
      ["reference", "digest"],
      report.tags.map((row) => [escapeMarkdown(row.reference), row.digest])
    )
  );
  return `${parts.join("\n")}
`;
}

// src/util/boolean.ts
function parseBoolean(name, text, fallback = false) {
  const value = (text ?? "").trim();
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new UserError(`input '${name}': expected true or false, got '${value}'`);
}

// node_modules/csv-parse/lib/api/index.js
var boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254])
};

// actions/_shared/inputs.ts
function input(name) {
  return getInput(name);
}
function booleanInput(name, fallback = false) {
  return parseBoolean(name, getInput(name), fallback);
}

// actions/_shared/run.ts
async function runAction(main2) {
  try {
    await main2();
  } catch (error2) {
    if (isUserError(error2)) {
      setFailed(error2.message);
    } else {
      setFailed(`runnerkit internal error: ${messageOf(error2)}`);
      if (error2 instanceof Error && error2.stack) debug(error2.stack);
    }
  }
  process.stdout.write("", () => process.exit(process.exitCode ?? 0));
}

// actions/pipeline-summary/main.ts
async function main() {
  const report = reportFromContext({
    results: input("results"),
    title: input("title"),
    image: input("image")
  });
  const markdown = markdownSummary2(report);
  await summary.addRaw(markdown).write();
  const failed = pipelineFailed(report);
  setOutput("failed", String(failed));
  setOutput("markdown", markdown);
  if (failed && booleanInput("fail-on-failure", false)) {
    const stages = [report.lint, ...report.images.flatMap((image) => image.stages)].filter((record) => record.result === "failure" || record.result === "cancelled").map((record) => record.stage);
    setFailed(
      `the pipeline did not pass: ${stages.join(", ")} ${stages.length === 1 ? "was" : "were"} not successful`
    );
  }
}
void runAction(main);
