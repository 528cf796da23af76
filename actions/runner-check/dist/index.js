import { createRequire as __runnerkitCreateRequire } from 'node:module';
const require = __runnerkitCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/events-universal/default.js
var require_default = __commonJS({
  "node_modules/events-universal/default.js"(exports, module) {
    module.exports = __require("events");
  }
});

// node_modules/fast-fifo/fixed-size.js
var require_fixed_size = __commonJS({
  "node_modules/fast-fifo/fixed-size.js"(exports, module) {
    module.exports = class FixedFIFO {
      constructor(hwm) {
        if (!(hwm > 0) || (hwm - 1 & hwm) !== 0) throw new Error("Max size for a FixedFIFO should be a power of two");
        this.buffer = new Array(hwm);
        this.mask = hwm - 1;
        this.top = 0;
        this.btm = 0;
        this.next = null;
      }
      clear() {
        this.top = this.btm = 0;
        this.next = null;
        this.buffer.fill(void 0);
      }
      push(data) {
        if (this.buffer[this.top] !== void 0) return false;
        this.buffer[this.top] = data;
        this.top = this.top + 1 & this.mask;
        return true;
      }
      shift() {
        const last = this.buffer[this.btm];
        if (last === void 0) return void 0;
        this.buffer[this.btm] = void 0;
        this.btm = this.btm + 1 & this.mask;
        return last;
      }
      peek() {
        return this.buffer[this.btm];
      }
      isEmpty() {
        return this.buffer[this.btm] === void 0;
      }
    };
  }
});

// node_modules/fast-fifo/index.js
var require_fast_fifo = __commonJS({
  "node_modules/fast-fifo/index.js"(exports, module) {
    var FixedFIFO = require_fixed_size();
    module.exports = class FastFIFO {
      constructor(hwm) {
        this.hwm = hwm || 16;
        this.head = new FixedFIFO(this.hwm);
        this.tail = this.head;
        this.length = 0;
      }
      clear() {
        this.head = this.tail;
        this.head.clear();
        this.length = 0;
      }
      push(val) {
        this.length++;
        if (!this.head.push(val)) {
          const prev = this.head;
          this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length);
          this.head.push(val);
        }
      }
      shift() {
        if (this.length !== 0) this.length--;
        const val = this.tail.shift();
        if (val === void 0 && this.tail.next) {
          const next = this.tail.next;
          this.tail.next = null;
          this.tail = next;
          return this.tail.shift();
        }
        return val;
      }
      peek() {
        const val = this.tail.peek();
        if (val === void 0 && this.tail.next) return this.tail.next.peek();
        return val;
      }
      isEmpty() {
        return this.length === 0;
      }
    };
  }
});

// node_modules/b4a/index.js
var require_b4a = __commonJS({
  "node_modules/b4a/index.js"(exports, module) {
    function isBuffer(value) {
      return Buffer.isBuffer(value) || value instanceof Uint8Array;
    }
    function isEncoding(encoding) {
      return Buffer.isEncoding(encoding);
    }
    function alloc(size, fill3, encoding) {
      return Buffer.alloc(size, fill3, encoding);
    }
    function allocUnsafe(size) {
      return Buffer.allocUnsafe(size);
    }
    function allocUnsafeSlow(size) {
      return Buffer.allocUnsafeSlow(size);
    }
    function byteLength(string, encoding) {
      return Buffer.byteLength(string, encoding);
    }
    function compare(a, b) {
      return Buffer.compare(a, b);
    }
    function concat(buffers, totalLength) {
      return Buffer.concat(buffers, totalLength);
    }
    function copy(source, target, targetStart, start, end) {
      return toBuffer(source).copy(target, targetStart, start, end);
    }
    function equals(a, b) {
      return toBuffer(a).equals(b);
    }
    function fill2(buffer, value, offset, end, encoding) {
      return toBuffer(buffer).fill(value, offset, end, encoding);
    }
    function from(value, encodingOrOffset, length) {
      return Buffer.from(value, encodingOrOffset, length);
    }
    function includes(buffer, value, byteOffset, encoding) {
      return toBuffer(buffer).includes(value, byteOffset, encoding);
    }
    function indexOf(buffer, value, byfeOffset, encoding) {
      return toBuffer(buffer).indexOf(value, byfeOffset, encoding);
    }
    function lastIndexOf(buffer, value, byteOffset, encoding) {
      return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding);
    }
    function swap16(buffer) {
      return toBuffer(buffer).swap16();
    }
    function swap32(buffer) {
      return toBuffer(buffer).swap32();
    }
    function swap64(buffer) {
      return toBuffer(buffer).swap64();
    }
    function toBuffer(buffer) {
      if (Buffer.isBuffer(buffer)) return buffer;
      return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    function toString(buffer, encoding, start, end) {
      return toBuffer(buffer).toString(encoding, start, end);
    }
    function toHex(buffer, start, end) {
      return toBuffer(buffer).toString("hex", start, end);
    }
    function write(buffer, string, offset, length, encoding) {
      return toBuffer(buffer).write(string, offset, length, encoding);
    }
    function readDoubleBE(buffer, offset) {
      return toBuffer(buffer).readDoubleBE(offset);
    }
    function readDoubleLE(buffer, offset) {
      return toBuffer(buffer).readDoubleLE(offset);
    }
    function readFloatBE(buffer, offset) {
      return toBuffer(buffer).readFloatBE(offset);
    }
    function readFloatLE(buffer, offset) {
      return toBuffer(buffer).readFloatLE(offset);
    }
    function readInt32BE(buffer, offset) {
      return toBuffer(buffer).readInt32BE(offset);
    }
    function readInt32LE(buffer, offset) {
      return toBuffer(buffer).readInt32LE(offset);
    }
    function readUInt32BE(buffer, offset) {
      return toBuffer(buffer).readUInt32BE(offset);
    }
    function readUInt32LE(buffer, offset) {
      return toBuffer(buffer).readUInt32LE(offset);
    }
    function writeDoubleBE(buffer, value, offset) {
      return toBuffer(buffer).writeDoubleBE(value, offset);
    }
    function writeDoubleLE(buffer, value, offset) {
      return toBuffer(buffer).writeDoubleLE(value, offset);
    }
    function writeFloatBE(buffer, value, offset) {
      return toBuffer(buffer).writeFloatBE(value, offset);
    }
    function writeFloatLE(buffer, value, offset) {
      return toBuffer(buffer).writeFloatLE(value, offset);
    }
    function writeInt32BE(buffer, value, offset) {
      return toBuffer(buffer).writeInt32BE(value, offset);
    }
    function writeInt32LE(buffer, value, offset) {
      return toBuffer(buffer).writeInt32LE(value, offset);
    }
    function writeUInt32BE(buffer, value, offset) {
      return toBuffer(buffer).writeUInt32BE(value, offset);
    }
    function writeUInt32LE(buffer, value, offset) {
      return toBuffer(buffer).writeUInt32LE(value, offset);
    }
    module.exports = {
      isBuffer,
      isEncoding,
      alloc,
      allocUnsafe,
      allocUnsafeSlow,
      byteLength,
      compare,
      concat,
      copy,
      equals,
      fill: fill2,
      from,
      includes,
      indexOf,
      lastIndexOf,
      swap16,
      swap32,
      swap64,
      toBuffer,
      toString,
      toHex,
      write,
      readDoubleBE,
      readDoubleLE,
      readFloatBE,
      readFloatLE,
      readInt32BE,
      readInt32LE,
      readUInt32BE,
      readUInt32LE,
      writeDoubleBE,
      writeDoubleLE,
      writeFloatBE,
      writeFloatLE,
      writeInt32BE,
      writeInt32LE,
      writeUInt32BE,
      writeUInt32LE
    };
  }
});

// node_modules/text-decoder/lib/pass-through-decoder.js
var require_pass_through_decoder = __commonJS({
  "node_modules/text-decoder/lib/pass-through-decoder.js"(exports, module) {
    var b4a = require_b4a();
    module.exports = class PassThroughDecoder {
      constructor(encoding) {
        this.encoding = encoding;
      }
      get remaining() {
        return 0;
      }
      decode(data) {
        return b4a.toString(data, this.encoding);
      }
      flush() {
        return "";
      }
    };
  }
});

// node_modules/text-decoder/lib/utf8-decoder.js
var require_utf8_decoder = __commonJS({
  "node_modules/text-decoder/lib/utf8-decoder.js"(exports, module) {
    var b4a = require_b4a();
    module.exports = class UTF8Decoder {
      constructor() {
        this._reset();
      }
      get remaining() {
        return this.bytesSeen;
      }
      decode(data) {
        if (data.byteLength === 0) return "";
        if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
          this.bytesSeen = trailingBytesSeen(data);
          return b4a.toString(data, "utf8");
        }
        let result3 = "";
        let start = 0;
        if (this.bytesNeeded > 0) {
          while (start < data.byteLength) {
            const byte = data[start];
            if (byte < this.lowerBoundary || byte > this.upperBoundary) {
              result3 += "�";
              this._reset();
              break;
            }
            this.lowerBoundary = 128;
            this.upperBoundary = 191;
            this.codePoint = this.codePoint << 6 | byte & 63;
            this.bytesSeen++;
            start++;
            if (this.bytesSeen === this.bytesNeeded) {
              result3 += String.fromCodePoint(this.codePoint);
              this._reset();
              break;
            }
          }
          if (this.bytesNeeded > 0) return result3;
        }
        const trailing = trailingIncomplete(data, start);
        const end = data.byteLength - trailing;
        if (end > start) result3 += b4a.toString(data, "utf8", start, end);
        for (let i = end; i < data.byteLength; i++) {
          const byte = data[i];
          if (this.bytesNeeded === 0) {
            if (byte <= 127) {
              this.bytesSeen = 0;
              result3 += String.fromCharCode(byte);
            } else if (byte >= 194 && byte <= 223) {
              this.bytesNeeded = 2;
              this.bytesSeen = 1;
              this.codePoint = byte & 31;
            } else if (byte >= 224 && byte <= 239) {
              if (byte === 224) this.lowerBoundary = 160;
              else if (byte === 237) this.upperBoundary = 159;
              this.bytesNeeded = 3;
              this.bytesSeen = 1;
              this.codePoint = byte & 15;
            } else if (byte >= 240 && byte <= 244) {
              if (byte === 240) this.lowerBoundary = 144;
              else if (byte === 244) this.upperBoundary = 143;
              this.bytesNeeded = 4;
              this.bytesSeen = 1;
              this.codePoint = byte & 7;
            } else {
              this.bytesSeen = 1;
              result3 += "�";
            }
            continue;
          }
          if (byte < this.lowerBoundary || byte > this.upperBoundary) {
            result3 += "�";
            i--;
            this._reset();
            continue;
          }
          this.lowerBoundary = 128;
          this.upperBoundary = 191;
          this.codePoint = this.codePoint << 6 | byte & 63;
          this.bytesSeen++;
          if (this.bytesSeen === this.bytesNeeded) {
            result3 += String.fromCodePoint(this.codePoint);
            this._reset();
          }
        }
        return result3;
      }
      flush() {
        const result3 = this.bytesNeeded > 0 ? "�" : "";
        this._reset();
        return result3;
      }
      _reset() {
        this.codePoint = 0;
        this.bytesNeeded = 0;
        this.bytesSeen = 0;
        this.lowerBoundary = 128;
        this.upperBoundary = 191;
      }
    };
    function trailingIncomplete(data, start) {
      const len = data.byteLength;
      if (len <= start) return 0;
      const limit = Math.max(start, len - 4);
      let i = len - 1;
      while (i > limit && (data[i] & 192) === 128) i--;
      if (i < start) return 0;
      const byte = data[i];
      let needed;
      if (byte <= 127) return 0;
      if (byte >= 194 && byte <= 223) needed = 2;
      else if (byte >= 224 && byte <= 239) needed = 3;
      else if (byte >= 240 && byte <= 244) needed = 4;
      else return 0;
      const available = len - i;
      return available < needed ? available : 0;
    }
    function trailingBytesSeen(data) {
      const len = data.byteLength;
      if (len === 0) return 0;
      const last = data[len - 1];
      if (last <= 127) return 0;
      if ((last & 192) !== 128) return 1;
      const limit = Math.max(0, len - 4);
      let i = len - 2;
      while (i >= limit && (data[i] & 192) === 128) i--;
      if (i < 0) return 1;
      const first = data[i];
      let needed;
      if (first >= 194 && first <= 223) needed = 2;
      else if (first >= 224 && first <= 239) needed = 3;
      else if (first >= 240 && first <= 244) needed = 4;
      else return 1;
      if (len - i !== needed) return 1;
      if (needed >= 3) {
        const second = data[i + 1];
        if (first === 224 && second < 160) return 1;
        if (first === 237 && second > 159) return 1;
        if (first === 240 && second < 144) return 1;
        if (first === 244 && second > 143) return 1;
      }
      return 0;
    }
  }
});

// node_modules/text-decoder/index.js
var require_text_decoder = __commonJS({
  "node_modules/text-decoder/index.js"(exports, module) {
    var PassThroughDecoder = require_pass_through_decoder();
    var UTF8Decoder = require_utf8_decoder();
    module.exports = class TextDecoder {
      constructor(encoding = "utf8") {
        this.encoding = normalizeEncoding(encoding);
        switch (this.encoding) {
          case "utf8":
            this.decoder = new UTF8Decoder();
            break;
          case "utf16le":
          case "base64":
            throw new Error("Unsupported encoding: " + this.encoding);
          default:
            this.decoder = new PassThroughDecoder(this.encoding);
        }
      }
      get remaining() {
        return this.decoder.remaining;
      }
      push(data) {
        if (typeof data === "string") return data;
        return this.decoder.decode(data);
      }
      // For Node.js compatibility
      write(data) {
        return this.push(data);
      }
      end(data) {
        let result3 = "";
        if (data) result3 = this.push(data);
        result3 += this.decoder.flush();
        return result3;
      }
    };
    function normalizeEncoding(encoding) {
      encoding = encoding.toLowerCase();
      switch (encoding) {
        case "utf8":
        case "utf-8":
          return "utf8";
        case "ucs2":
        case "ucs-2":
        case "utf16le":
        case "utf-16le":
          return "utf16le";
        case "latin1":
        case "binary":
          return "latin1";
        case "base64":
        case "ascii":
        case "hex":
          return encoding;
        default:
          throw new Error("Unknown encoding: " + encoding);
      }
    }
  }
});

// node_modules/streamx/lib/errors.js
var require_errors = __commonJS({
  "node_modules/streamx/lib/errors.js"(exports, module) {
    module.exports = class StreamError extends Error {
      constructor(msg, code, fn = StreamError) {
        super(msg);
        this.code = code;
        if (Error.captureStackTrace) {
          Error.captureStackTrace(this, fn);
        }
      }
      static isStreamDestroyed(err2) {
        return err2 && err2.code === "STREAM_DESTROYED";
      }
      static isPrematureClose(err2) {
        return err2 && err2.code === "PREMATURE_CLOSE";
      }
      static isAborted(err2) {
        return err2 && err2.code === "ABORTED";
      }
      static isBadArgument(err2) {
        return err2 && err2.code === "BAD_ARGUMENT";
      }
      get name() {
        return "StreamError";
      }
      static STREAM_DESTROYED() {
        return new StreamError("Stream was destroyed", "STREAM_DESTROYED", StreamError.STREAM_DESTROYED);
      }
      static PREMATURE_CLOSE(msg = "Premature close") {
        return new StreamError(msg, "PREMATURE_CLOSE", StreamError.PREMATURE_CLOSE);
      }
      static ABORTED() {
        return new StreamError("Stream aborted", "ABORTED", StreamError.ABORTED);
      }
      static BAD_ARGUMENT(msg = "Bad argument") {
        return new StreamError(msg, "BAD_ARGUMENT", StreamError.BAD_ARGUMENT);
      }
    };
  }
});

// node_modules/streamx/index.js
var require_streamx = __commonJS({
  "node_modules/streamx/index.js"(exports, module) {
    var { EventEmitter } = require_default();
    var FIFO = require_fast_fifo();
    var TextDecoder = require_text_decoder();
    var StreamError = require_errors();
    var qmt = typeof queueMicrotask === "undefined" ? (fn) => global.process.nextTick(fn) : queueMicrotask;
    var MAX = (1 << 29) - 1;
    var OPENING = 1;
    var PREDESTROYING = 2;
    var DESTROYING = 4;
    var DESTROYED = 8;
    var NOT_OPENING = MAX ^ OPENING;
    var NOT_PREDESTROYING = MAX ^ PREDESTROYING;
    var READ_ACTIVE = 1 << 4;
    var READ_UPDATING = 2 << 4;
    var READ_PRIMARY = 4 << 4;
    var READ_QUEUED = 8 << 4;
    var READ_RESUMED = 16 << 4;
    var READ_PIPE_DRAINED = 32 << 4;
    var READ_ENDING = 64 << 4;
    var READ_EMIT_DATA = 128 << 4;
    var READ_EMIT_READABLE = 256 << 4;
    var READ_EMITTED_READABLE = 512 << 4;
    var READ_DONE = 1024 << 4;
    var READ_NEXT_TICK = 2048 << 4;
    var READ_NEEDS_PUSH = 4096 << 4;
    var READ_READ_AHEAD = 8192 << 4;
    var READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED;
    var READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH;
    var READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE;
    var READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED;
    var READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD;
    var READ_NOT_ACTIVE = MAX ^ READ_ACTIVE;
    var READ_NON_PRIMARY = MAX ^ READ_PRIMARY;
    var READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH);
    var READ_PUSHED = MAX ^ READ_NEEDS_PUSH;
    var READ_PAUSED = MAX ^ READ_RESUMED;
    var READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE);
    var READ_NOT_ENDING = MAX ^ READ_ENDING;
    var READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING;
    var READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK;
    var READ_NOT_UPDATING = MAX ^ READ_UPDATING;
    var READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD;
    var READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD;
    var WRITE_ACTIVE = 1 << 18;
    var WRITE_UPDATING = 2 << 18;
    var WRITE_PRIMARY = 4 << 18;
    var WRITE_QUEUED = 8 << 18;
    var WRITE_UNDRAINED = 16 << 18;
    var WRITE_DONE = 32 << 18;
    var WRITE_EMIT_DRAIN = 64 << 18;
    var WRITE_NEXT_TICK = 128 << 18;
    var WRITE_WRITING = 256 << 18;
    var WRITE_FINISHING = 512 << 18;
    var WRITE_CORKED = 1024 << 18;
    var WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING);
    var WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY;
    var WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING);
    var WRITE_DRAINED = MAX ^ WRITE_UNDRAINED;
    var WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED;
    var WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK;
    var WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING;
    var WRITE_NOT_CORKED = MAX ^ WRITE_CORKED;
    var ACTIVE = READ_ACTIVE | WRITE_ACTIVE;
    var NOT_ACTIVE = MAX ^ ACTIVE;
    var DONE = READ_DONE | WRITE_DONE;
    var DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING;
    var OPEN_STATUS = DESTROY_STATUS | OPENING;
    var AUTO_DESTROY = DESTROY_STATUS | DONE;
    var NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY;
    var ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK;
    var TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE;
    var IS_OPENING = OPEN_STATUS | TICKING;
    var READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE;
    var READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED;
    var READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED;
    var READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE;
    var SHOULD_NOT_READ = OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD;
    var READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE;
    var READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY;
    var READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING;
    var WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE;
    var WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED;
    var WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE;
    var WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE;
    var WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED;
    var WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE;
    var WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING;
    var WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE;
    var WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE;
    var WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY;
    var WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS;
    var asyncIterator = Symbol.asyncIterator || /* @__PURE__ */ Symbol("asyncIterator");
    var WritableState = class {
      constructor(stream, { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}) {
        this.stream = stream;
        this.queue = new FIFO();
        this.highWaterMark = highWaterMark;
        this.buffered = 0;
        this.error = null;
        this.pipeline = null;
        this.drains = null;
        this.byteLength = byteLengthWritable || byteLength || defaultByteLength;
        this.map = mapWritable || map;
        this.afterWrite = afterWrite.bind(this);
        this.afterUpdateNextTick = updateWriteNT.bind(this);
      }
      get ending() {
        return (this.stream._duplexState & WRITE_FINISHING) !== 0;
      }
      get ended() {
        return (this.stream._duplexState & WRITE_DONE) !== 0;
      }
      push(data) {
        if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false;
        if (this.map !== null) data = this.map(data);
        this.buffered += this.byteLength(data);
        this.queue.push(data);
        if (this.buffered < this.highWaterMark) {
          this.stream._duplexState |= WRITE_QUEUED;
          return true;
        }
        this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED;
        return false;
      }
      shift() {
        const data = this.queue.shift();
        this.buffered -= this.byteLength(data);
        if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED;
        return data;
      }
      end(data) {
        if (typeof data === "function") {
          this.stream.once("finish", data);
        } else if (data !== void 0 && data !== null) {
          this.push(data);
        }
        this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY;
      }
      autoBatch(data, cb) {
        const buffer = [];
        const stream = this.stream;
        buffer.push(data);
        while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
          buffer.push(stream._writableState.shift());
        }
        if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null);
        stream._writev(buffer, cb);
      }
      update() {
        const stream = this.stream;
        stream._duplexState |= WRITE_UPDATING;
        do {
          while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
            const data = this.shift();
            stream._duplexState |= WRITE_ACTIVE_AND_WRITING;
            stream._write(data, this.afterWrite);
          }
          if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary();
        } while (this.continueUpdate() === true);
        stream._duplexState &= WRITE_NOT_UPDATING;
      }
      updateNonPrimary() {
        const stream = this.stream;
        if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
          stream._duplexState = stream._duplexState | WRITE_ACTIVE;
          stream._final(afterFinal.bind(this));
          return;
        }
        if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
          if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
            stream._duplexState |= ACTIVE;
            stream._destroy(afterDestroy.bind(this));
          }
          return;
        }
        if ((stream._duplexState & IS_OPENING) === OPENING) {
          stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING;
          stream._open(afterOpen.bind(this));
        }
      }
      continueUpdate() {
        if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false;
        this.stream._duplexState &= WRITE_NOT_NEXT_TICK;
        return true;
      }
      updateCallback() {
        if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
          this.update();
        } else {
          this.updateNextTick();
        }
      }
      updateNextTick() {
        if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return;
        this.stream._duplexState |= WRITE_NEXT_TICK;
        if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick);
      }
    };
    var ReadableState = class {
      constructor(stream, { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}) {
        this.stream = stream;
        this.queue = new FIFO();
        this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark;
        this.buffered = 0;
        this.readAhead = highWaterMark > 0;
        this.error = null;
        this.pipeline = null;
        this.byteLength = byteLengthReadable || byteLength || defaultByteLength;
        this.map = mapReadable || map;
        this.pipeTo = null;
        this.afterRead = afterRead.bind(this);
        this.afterUpdateNextTick = updateReadNT.bind(this);
      }
      get ending() {
        return (this.stream._duplexState & READ_ENDING) !== 0;
      }
      get ended() {
        return (this.stream._duplexState & READ_DONE) !== 0;
      }
      pipe(pipeTo, cb) {
        if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT("Can only pipe to one destination");
        if (typeof cb !== "function") cb = null;
        this.stream._duplexState |= READ_PIPE_DRAINED;
        this.pipeTo = pipeTo;
        this.pipeline = new Pipeline(this.stream, pipeTo, cb);
        if (cb) this.stream.on("error", noop);
        if (isStreamx(pipeTo)) {
          pipeTo._writableState.pipeline = this.pipeline;
          if (cb) pipeTo.on("error", noop);
          pipeTo.on("finish", this.pipeline.finished.bind(this.pipeline));
        } else {
          const onerror = this.pipeline.done.bind(this.pipeline, pipeTo);
          const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null);
          pipeTo.on("error", onerror);
          pipeTo.on("close", onclose);
          pipeTo.on("finish", this.pipeline.finished.bind(this.pipeline));
        }
        pipeTo.on("drain", afterDrain.bind(this));
        this.stream.emit("piping", pipeTo);
        pipeTo.emit("pipe", this.stream);
      }
      push(data) {
        const stream = this.stream;
        if (data === null) {
          this.highWaterMark = 0;
          stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED;
          return false;
        }
        if (this.map !== null) {
          data = this.map(data);
          if (data === null) {
            stream._duplexState &= READ_PUSHED;
            return this.buffered < this.highWaterMark;
          }
        }
        this.buffered += this.byteLength(data);
        this.queue.push(data);
        stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED;
        return this.buffered < this.highWaterMark;
      }
      shift() {
        const data = this.queue.shift();
        this.buffered -= this.byteLength(data);
        if (this.buffered === 0) {
          this.stream._duplexState &= READ_NOT_QUEUED;
        }
        return data;
      }
      unshift(data) {
        const pending = [this.map !== null ? this.map(data) : data];
        while (this.buffered > 0) pending.push(this.shift());
        for (let i = 0; i < pending.length - 1; i++) {
          const data2 = pending[i];
          this.buffered += this.byteLength(data2);
          this.queue.push(data2);
        }
        this.push(pending[pending.length - 1]);
      }
      read() {
        const stream = this.stream;
        if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
          const data = this.shift();
          if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
            stream._duplexState &= READ_PIPE_NOT_DRAINED;
          }
          if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
            stream.emit("data", data);
          }
          return data;
        }
        if (this.readAhead === false) {
          stream._duplexState |= READ_READ_AHEAD;
          this.updateNextTick();
        }
        return null;
      }
      drain() {
        const stream = this.stream;
        while ((stream._duplexState & READ_STATUS) === READ_QUEUED && (stream._duplexState & READ_FLOWING) !== 0) {
          const data = this.shift();
          if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
            stream._duplexState &= READ_PIPE_NOT_DRAINED;
          }
          if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
            stream.emit("data", data);
          }
        }
      }
      update() {
        const stream = this.stream;
        stream._duplexState |= READ_UPDATING;
        do {
          this.drain();
          while (this.buffered < this.highWaterMark && (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD) {
            stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH;
            stream._read(this.afterRead);
            this.drain();
          }
          if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
            stream._duplexState |= READ_EMITTED_READABLE;
            stream.emit("readable");
          }
          if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
            this.updateNonPrimary();
          }
        } while (this.continueUpdate() === true);
        stream._duplexState &= READ_NOT_UPDATING;
      }
      updateNonPrimary() {
        const stream = this.stream;
        if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
          stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING;
          stream.emit("end");
          if ((stream._duplexState & AUTO_DESTROY) === DONE) {
            stream._duplexState |= DESTROYING;
          }
          if (this.pipeTo !== null) {
            this.pipeTo.end();
          }
        }
        if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
          if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
            stream._duplexState |= ACTIVE;
            stream._destroy(afterDestroy.bind(this));
          }
          return;
        }
        if ((stream._duplexState & IS_OPENING) === OPENING) {
          stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING;
          stream._open(afterOpen.bind(this));
        }
      }
      continueUpdate() {
        if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false;
        this.stream._duplexState &= READ_NOT_NEXT_TICK;
        return true;
      }
      updateCallback() {
        if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
          this.update();
        } else {
          this.updateNextTick();
        }
      }
      updateNextTickIfOpen() {
        if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return;
        this.stream._duplexState |= READ_NEXT_TICK;
        if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick);
      }
      updateNextTick() {
        if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return;
        this.stream._duplexState |= READ_NEXT_TICK;
        if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick);
      }
    };
    var TransformState = class {
      constructor(stream) {
        this.data = null;
        this.afterTransform = afterTransform.bind(stream);
        this.afterFinal = null;
      }
    };
    var Pipeline = class {
      constructor(src, dst, cb) {
        this.from = src;
        this.to = dst;
        this.afterPipe = cb;
        this.error = null;
        this.pipeToFinished = false;
      }
      finished() {
        this.pipeToFinished = true;
      }
      done(stream, err2) {
        if (err2) this.error = err2;
        if (stream === this.to) {
          this.to = null;
          if (this.from !== null) {
            if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
              this.from.destroy(this.error || StreamError.PREMATURE_CLOSE("Writable stream closed"));
            }
            return;
          }
        }
        if (stream === this.from) {
          this.from = null;
          if (this.to !== null) {
            if ((stream._duplexState & READ_DONE) === 0) {
              this.to.destroy(this.error || StreamError.PREMATURE_CLOSE("Readable stream closed"));
            }
            return;
          }
        }
        if (this.afterPipe !== null) this.afterPipe(this.error);
        this.to = this.from = this.afterPipe = null;
      }
    };
    function afterDrain() {
      this.stream._duplexState |= READ_PIPE_DRAINED;
      this.updateCallback();
    }
    function afterFinal(err2) {
      const stream = this.stream;
      if (err2) stream.destroy(err2);
      if ((stream._duplexState & DESTROY_STATUS) === 0) {
        stream._duplexState |= WRITE_DONE;
        stream.emit("finish");
      }
      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
        stream._duplexState |= DESTROYING;
      }
      stream._duplexState &= WRITE_NOT_FINISHING;
      if ((stream._duplexState & WRITE_UPDATING) === 0) {
        this.update();
      } else {
        this.updateNextTick();
      }
    }
    function afterDestroy(err2) {
      const stream = this.stream;
      if (!err2 && !StreamError.isStreamDestroyed(this.error)) err2 = this.error;
      if (err2) stream.emit("error", err2);
      stream._duplexState |= DESTROYED;
      stream.emit("close");
      const rs = stream._readableState;
      const ws = stream._writableState;
      if (rs !== null && rs.pipeline !== null) {
        rs.pipeline.done(stream, err2);
      }
      if (ws !== null) {
        while (ws.drains !== null && ws.drains.length > 0) {
          ws.drains.shift().resolve(false);
        }
        if (ws.pipeline !== null) {
          ws.pipeline.done(stream, err2);
        }
      }
    }
    function afterWrite(err2) {
      const stream = this.stream;
      if (err2) stream.destroy(err2);
      stream._duplexState &= WRITE_NOT_ACTIVE;
      if (this.drains !== null) tickDrains(this.drains);
      if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
        stream._duplexState &= WRITE_DRAINED;
        if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
          stream.emit("drain");
        }
      }
      this.updateCallback();
    }
    function afterRead(err2) {
      if (err2) this.stream.destroy(err2);
      this.stream._duplexState &= READ_NOT_ACTIVE;
      if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
        this.stream._duplexState &= READ_NO_READ_AHEAD;
      }
      this.updateCallback();
    }
    function updateReadNT() {
      if ((this.stream._duplexState & READ_UPDATING) === 0) {
        this.stream._duplexState &= READ_NOT_NEXT_TICK;
        this.update();
      }
    }
    function updateWriteNT() {
      if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
        this.stream._duplexState &= WRITE_NOT_NEXT_TICK;
        this.update();
      }
    }
    function tickDrains(drains) {
      for (let i = 0; i < drains.length; i++) {
        if (--drains[i].writes === 0) {
          drains.shift().resolve(true);
          i--;
        }
      }
    }
    function afterOpen(err2) {
      const stream = this.stream;
      if (err2) stream.destroy(err2);
      if ((stream._duplexState & DESTROYING) === 0) {
        if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
          stream._duplexState |= READ_PRIMARY;
        }
        if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
          stream._duplexState |= WRITE_PRIMARY;
        }
        stream.emit("open");
      }
      stream._duplexState &= NOT_ACTIVE;
      if (stream._writableState !== null) {
        stream._writableState.updateCallback();
      }
      if (stream._readableState !== null) {
        stream._readableState.updateCallback();
      }
    }
    function afterTransform(err2, data) {
      if (data !== void 0 && data !== null) this.push(data);
      this._writableState.afterWrite(err2);
    }
    function newListener(name) {
      if (this._readableState !== null) {
        if (name === "data") {
          this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD;
          this._readableState.updateNextTick();
        }
        if (name === "readable") {
          this._duplexState |= READ_EMIT_READABLE;
          this._readableState.updateNextTick();
        }
      }
      if (this._writableState !== null) {
        if (name === "drain") {
          this._duplexState |= WRITE_EMIT_DRAIN;
          this._writableState.updateNextTick();
        }
      }
    }
    var Stream = class extends EventEmitter {
      constructor(opts) {
        super();
        this._duplexState = 0;
        this._readableState = null;
        this._writableState = null;
        if (opts) {
          if (opts.open) this._open = opts.open;
          if (opts.destroy) this._destroy = opts.destroy;
          if (opts.predestroy) this._predestroy = opts.predestroy;
          if (opts.signal) opts.signal.addEventListener("abort", abort.bind(this));
        }
        this.on("newListener", newListener);
      }
      _open(cb) {
        cb(null);
      }
      _destroy(cb) {
        cb(null);
      }
      _predestroy() {
      }
      get readable() {
        return this._readableState !== null ? true : void 0;
      }
      get writable() {
        return this._writableState !== null ? true : void 0;
      }
      get destroyed() {
        return (this._duplexState & DESTROYED) !== 0;
      }
      get destroying() {
        return (this._duplexState & DESTROY_STATUS) !== 0;
      }
      destroy(err2) {
        if ((this._duplexState & DESTROY_STATUS) === 0) {
          if (!err2) err2 = StreamError.STREAM_DESTROYED();
          this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY;
          if (this._readableState !== null) {
            this._readableState.highWaterMark = 0;
            this._readableState.error = err2;
          }
          if (this._writableState !== null) {
            this._writableState.highWaterMark = 0;
            this._writableState.error = err2;
          }
          this._duplexState |= PREDESTROYING;
          this._predestroy();
          this._duplexState &= NOT_PREDESTROYING;
          if (this._readableState !== null) {
            this._readableState.updateNextTick();
          }
          if (this._writableState !== null) {
            this._writableState.updateNextTick();
          }
        }
      }
    };
    var Readable4 = class _Readable extends Stream {
      constructor(opts) {
        super(opts);
        this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD;
        this._readableState = new ReadableState(this, opts);
        if (opts) {
          if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD;
          if (opts.read) this._read = opts.read;
          if (opts.eagerOpen) this._readableState.updateNextTick();
          if (opts.encoding) this.setEncoding(opts.encoding);
        }
      }
      static deferred(fn, opts) {
        const out = new PassThrough(opts);
        fn().then((src) => {
          if (src === null) return out.end();
          if (out.destroying) return;
          pipeline3(src, out, noop);
        }).catch((err2) => out.destroy(err2));
        return out;
      }
      setEncoding(encoding) {
        const dec = new TextDecoder(encoding);
        const map = this._readableState.map || echo;
        this._readableState.map = mapOrSkip;
        return this;
        function mapOrSkip(data) {
          const next = dec.push(data);
          return next === "" && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next);
        }
      }
      _read(cb) {
        cb(null);
      }
      pipe(dest, cb) {
        this._readableState.updateNextTick();
        this._readableState.pipe(dest, cb);
        return dest;
      }
      read() {
        this._readableState.updateNextTick();
        return this._readableState.read();
      }
      push(data) {
        this._readableState.updateNextTickIfOpen();
        return this._readableState.push(data);
      }
      unshift(data) {
        this._readableState.updateNextTickIfOpen();
        return this._readableState.unshift(data);
      }
      resume() {
        this._duplexState |= READ_RESUMED_READ_AHEAD;
        this._readableState.updateNextTick();
        return this;
      }
      pause() {
        this._duplexState &= this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED;
        return this;
      }
      static _fromAsyncIterator(ite, opts) {
        let destroy;
        const rs = new _Readable({
          ...opts,
          read(cb) {
            ite.next().then(push).then(cb.bind(null, null)).catch(cb);
          },
          predestroy() {
            destroy = ite.return();
          },
          destroy(cb) {
            if (!destroy) return cb(null);
            destroy.then(cb.bind(null, null)).catch(cb);
          }
        });
        return rs;
        function push(data) {
          if (data.done) rs.push(null);
          else rs.push(data.value);
        }
      }
      static from(data, opts) {
        if (isReadStreamx(data)) return data;
        if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts);
        if (!Array.isArray(data)) data = data === void 0 ? [] : [data];
        let i = 0;
        return new _Readable({
          ...opts,
          read(cb) {
            this.push(i === data.length ? null : data[i++]);
            cb(null);
          }
        });
      }
      static isBackpressured(rs) {
        return (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 || rs._readableState.buffered >= rs._readableState.highWaterMark;
      }
      static isPaused(rs) {
        return (rs._duplexState & READ_RESUMED) === 0;
      }
      [asyncIterator]() {
        const stream = this;
        let error2 = null;
        let promiseResolve = null;
        let promiseReject = null;
        this.on("error", (err2) => {
          error2 = err2;
        });
        this.on("readable", onreadable);
        this.on("close", onclose);
        return {
          [asyncIterator]() {
            return this;
          },
          next() {
            return new Promise(function(resolve2, reject) {
              promiseResolve = resolve2;
              promiseReject = reject;
              const data = stream.read();
              if (data !== null) ondata(data);
              else if ((stream._duplexState & DESTROYED) !== 0) ondata(null);
            });
          },
          return() {
            return destroy(null);
          },
          throw(err2) {
            return destroy(err2);
          }
        };
        function onreadable() {
          if (promiseResolve !== null) ondata(stream.read());
        }
        function onclose() {
          if (promiseResolve !== null) ondata(null);
        }
        function ondata(data) {
          if (promiseReject === null) return;
          if (error2) {
            promiseReject(error2);
          } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
            promiseReject(StreamError.STREAM_DESTROYED());
          } else {
            promiseResolve({ value: data, done: data === null });
          }
          promiseReject = promiseResolve = null;
        }
        function destroy(err2) {
          stream.destroy(err2);
          return new Promise((resolve2, reject) => {
            if (stream._duplexState & DESTROYED) return resolve2({ value: void 0, done: true });
            stream.once("close", function() {
              if (err2) reject(err2);
              else resolve2({ value: void 0, done: true });
            });
          });
        }
      }
    };
    var Writable = class extends Stream {
      constructor(opts) {
        super(opts);
        this._duplexState |= OPENING | READ_DONE;
        this._writableState = new WritableState(this, opts);
        if (opts) {
          if (opts.writev) this._writev = opts.writev;
          if (opts.write) this._write = opts.write;
          if (opts.final) this._final = opts.final;
          if (opts.eagerOpen) this._writableState.updateNextTick();
        }
      }
      cork() {
        this._duplexState |= WRITE_CORKED;
      }
      uncork() {
        this._duplexState &= WRITE_NOT_CORKED;
        this._writableState.updateNextTick();
      }
      _writev(batch, cb) {
        cb(null);
      }
      _write(data, cb) {
        this._writableState.autoBatch(data, cb);
      }
      _final(cb) {
        cb(null);
      }
      static isBackpressured(ws) {
        return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0;
      }
      static drained(ws) {
        if (ws.destroyed) return Promise.resolve(false);
        const state = ws._writableState;
        const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length;
        const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0);
        if (writes === 0) return Promise.resolve(true);
        if (state.drains === null) state.drains = [];
        return new Promise((resolve2) => {
          state.drains.push({ writes, resolve: resolve2 });
        });
      }
      write(data) {
        this._writableState.updateNextTick();
        return this._writableState.push(data);
      }
      end(data) {
        this._writableState.updateNextTick();
        this._writableState.end(data);
        return this;
      }
    };
    var Duplex = class extends Readable4 {
      // and Writable
      constructor(opts) {
        super(opts);
        this._duplexState = OPENING | this._duplexState & READ_READ_AHEAD;
        this._writableState = new WritableState(this, opts);
        if (opts) {
          if (opts.writev) this._writev = opts.writev;
          if (opts.write) this._write = opts.write;
          if (opts.final) this._final = opts.final;
        }
      }
      cork() {
        this._duplexState |= WRITE_CORKED;
      }
      uncork() {
        this._duplexState &= WRITE_NOT_CORKED;
        this._writableState.updateNextTick();
      }
      _writev(batch, cb) {
        cb(null);
      }
      _write(data, cb) {
        this._writableState.autoBatch(data, cb);
      }
      _final(cb) {
        cb(null);
      }
      write(data) {
        this._writableState.updateNextTick();
        return this._writableState.push(data);
      }
      end(data) {
        this._writableState.updateNextTick();
        this._writableState.end(data);
        return this;
      }
    };
    var Transform2 = class extends Duplex {
      constructor(opts) {
        super(opts);
        this._transformState = new TransformState(this);
        if (opts) {
          if (opts.transform) this._transform = opts.transform;
          if (opts.flush) this._flush = opts.flush;
        }
      }
      _write(data, cb) {
        if (this._readableState.buffered >= this._readableState.highWaterMark) {
          this._transformState.data = data;
        } else {
          this._transform(data, this._transformState.afterTransform);
        }
      }
      _read(cb) {
        if (this._transformState.data !== null) {
          const data = this._transformState.data;
          this._transformState.data = null;
          cb(null);
          this._transform(data, this._transformState.afterTransform);
        } else {
          cb(null);
        }
      }
      destroy(err2) {
        super.destroy(err2);
        if (this._transformState.data !== null) {
          this._transformState.data = null;
          this._transformState.afterTransform();
        }
      }
      _transform(data, cb) {
        cb(null, data);
      }
      _flush(cb) {
        cb(null);
      }
      _final(cb) {
        this._transformState.afterFinal = cb;
        this._flush(transformAfterFlush.bind(this));
      }
    };
    var PassThrough = class extends Transform2 {
    };
    function transformAfterFlush(err2, data) {
      const cb = this._transformState.afterFinal;
      if (err2) return cb(err2);
      if (data !== null && data !== void 0) this.push(data);
      this.push(null);
      cb(null);
    }
    function pipelinePromise(...streams) {
      return new Promise((resolve2, reject) => {
        return pipeline3(...streams, (err2) => {
          if (err2) return reject(err2);
          resolve2();
        });
      });
    }
    function pipeline3(stream, ...streams) {
      const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams];
      const done = all.length && typeof all[all.length - 1] === "function" ? all.pop() : null;
      if (all.length < 2) throw StreamError.BAD_ARGUMENT("Pipeline requires at least 2 streams");
      let src = all[0];
      let dest = null;
      let error2 = null;
      for (let i = 1; i < all.length; i++) {
        dest = all[i];
        if (isStreamx(src)) {
          src.pipe(dest, onerror);
        } else {
          errorHandle(src, true, i > 1, onerror);
          src.pipe(dest);
        }
        src = dest;
      }
      if (done) {
        let fin = false;
        const autoDestroy = isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy);
        dest.on("error", (err2) => {
          if (error2 === null) error2 = err2;
        });
        dest.on("finish", () => {
          fin = true;
          if (!autoDestroy) done(error2);
        });
        if (autoDestroy) {
          dest.on("close", () => done(error2 || (fin ? null : StreamError.PREMATURE_CLOSE())));
        }
      }
      return dest;
      function errorHandle(s, rd, wr, onerror2) {
        s.on("error", onerror2);
        s.on("close", onclose);
        function onclose() {
          if (rd && s._readableState && !s._readableState.ended) {
            return onerror2(StreamError.PREMATURE_CLOSE());
          }
          if (wr && s._writableState && !s._writableState.ended) {
            return onerror2(StreamError.PREMATURE_CLOSE());
          }
        }
      }
      function onerror(err2) {
        if (!err2 || error2) return;
        error2 = err2;
        for (const s of all) {
          s.destroy(err2);
        }
      }
    }
    function echo(s) {
      return s;
    }
    function isStream(stream) {
      return !!stream._readableState || !!stream._writableState;
    }
    function isStreamx(stream) {
      return typeof stream._duplexState === "number" && isStream(stream);
    }
    function isEnding(stream) {
      return !!stream._readableState && stream._readableState.ending;
    }
    function isEnded(stream) {
      return !!stream._readableState && stream._readableState.ended;
    }
    function isFinishing(stream) {
      return !!stream._writableState && stream._writableState.ending;
    }
    function isFinished(stream) {
      return !!stream._writableState && stream._writableState.ended;
    }
    function getStreamError(stream, opts = {}) {
      const err2 = stream._readableState && stream._readableState.error || stream._writableState && stream._writableState.error;
      return !opts.all && StreamError.isStreamDestroyed(err2) ? null : err2;
    }
    function isReadStreamx(stream) {
      return isStreamx(stream) && stream.readable;
    }
    function isDisturbed(stream) {
      return (stream._duplexState & OPENING) !== OPENING || (stream._duplexState & DESTROYING) === DESTROYING || (stream._duplexState & ACTIVE_OR_TICKING) !== 0;
    }
    function isTypedArray(data) {
      return typeof data === "object" && data !== null && typeof data.byteLength === "number";
    }
    function defaultByteLength(data) {
      return isTypedArray(data) ? data.byteLength : 1024;
    }
    function noop() {
    }
    function abort() {
      this.destroy(StreamError.ABORTED());
    }
    function isWritev(s) {
      return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev;
    }
    module.exports = {
      pipeline: pipeline3,
      pipelinePromise,
      isStream,
      isStreamx,
      isEnding,
      isEnded,
      isFinishing,
      isFinished,
      isDisturbed,
      getStreamError,
      Stream,
      Writable,
      Readable: Readable4,
      Duplex,
      Transform: Transform2,
      // Export PassThrough for compatibility with Node.js core's stream module
      PassThrough
    };
  }
});

// node_modules/tar-stream/headers.js
var require_headers = __commonJS({
  "node_modules/tar-stream/headers.js"(exports) {
    var b4a = require_b4a();
    var ZEROS = "0000000000000000000";
    var SEVENS = "7777777777777777777";
    var ZERO_OFFSET = "0".charCodeAt(0);
    var USTAR_MAGIC = b4a.from([117, 115, 116, 97, 114, 0]);
    var USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET]);
    var GNU_MAGIC = b4a.from([117, 115, 116, 97, 114, 32]);
    var GNU_VER = b4a.from([32, 0]);
    var MASK = 4095;
    var MAGIC_OFFSET = 257;
    var VERSION_OFFSET = 263;
    exports.decodeLongPath = function decodeLongPath(buf, encoding) {
      return decodeStr(buf, 0, buf.length, encoding);
    };
    exports.encodePax = function encodePax(opts) {
      let result3 = "";
      if (opts.name) result3 += addLength(" path=" + opts.name + "\n");
      if (opts.linkname) result3 += addLength(" linkpath=" + opts.linkname + "\n");
      const pax = opts.pax;
      if (pax) {
        for (const key in pax) {
          result3 += addLength(" " + key + "=" + pax[key] + "\n");
        }
      }
      return b4a.from(result3);
    };
    exports.decodePax = function decodePax(buf) {
      const result3 = {};
      while (buf.length) {
        let i = 0;
        while (i < buf.length && buf[i] !== 32) i++;
        const len = parseInt(b4a.toString(buf.subarray(0, i)), 10);
        if (!len) return result3;
        const b = b4a.toString(buf.subarray(i + 1, len - 1));
        const keyIndex = b.indexOf("=");
        if (keyIndex === -1) return result3;
        result3[b.slice(0, keyIndex)] = b.slice(keyIndex + 1);
        buf = buf.subarray(len);
      }
      return result3;
    };
    exports.encode = function encode(opts) {
      const buf = b4a.alloc(512);
      let name = opts.name;
      let prefix = "";
      if (opts.typeflag === 5 && name[name.length - 1] !== "/") name += "/";
      if (b4a.byteLength(name) !== name.length) return null;
      while (b4a.byteLength(name) > 100) {
        const i = name.indexOf("/");
        if (i === -1) return null;
        prefix += prefix ? "/" + name.slice(0, i) : name.slice(0, i);
        name = name.slice(i + 1);
      }
      if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null;
      if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null;
      b4a.write(buf, name);
      b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100);
      b4a.write(buf, encodeOct(opts.uid, 6), 108);
      b4a.write(buf, encodeOct(opts.gid, 6), 116);
      encodeSize(opts.size, buf, 124);
      b4a.write(buf, encodeOct(opts.mtime.getTime() / 1e3 | 0, 11), 136);
      buf[156] = ZERO_OFFSET + toTypeflag(opts.type);
      if (opts.linkname) b4a.write(buf, opts.linkname, 157);
      b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET);
      b4a.copy(USTAR_VER, buf, VERSION_OFFSET);
      if (opts.uname) b4a.write(buf, opts.uname, 265);
      if (opts.gname) b4a.write(buf, opts.gname, 297);
      b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329);
      b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337);
      if (prefix) b4a.write(buf, prefix, 345);
      b4a.write(buf, encodeOct(cksum(buf), 6), 148);
      return buf;
    };
    exports.decode = function decode(buf, filenameEncoding, allowUnknownFormat) {
      let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET;
      let name = decodeStr(buf, 0, 100, filenameEncoding);
      const mode = decodeOct(buf, 100, 8);
      const uid = decodeOct(buf, 108, 8);
      const gid = decodeOct(buf, 116, 8);
      const size = decodeOct(buf, 124, 12);
      const mtime = decodeOct(buf, 136, 12);
      const type = toType(typeflag);
      const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding);
      const uname = decodeStr(buf, 265, 32);
      const gname = decodeStr(buf, 297, 32);
      const devmajor = decodeOct(buf, 329, 8);
      const devminor = decodeOct(buf, 337, 8);
      const c = cksum(buf);
      if (c === 8 * 32) return null;
      if (c !== decodeOct(buf, 148, 8)) throw new Error("Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?");
      if (isUSTAR(buf)) {
        if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + "/" + name;
      } else if (isGNU(buf)) {
      } else {
        if (!allowUnknownFormat) {
          throw new Error("Invalid tar header: unknown format.");
        }
      }
      if (typeflag === 0 && name && name[name.length - 1] === "/") typeflag = 5;
      return {
        name,
        mode,
        uid,
        gid,
        size,
        byteOffset: 0,
        mtime: new Date(1e3 * mtime),
        type,
        linkname,
        uname,
        gname,
        devmajor,
        devminor,
        pax: null
      };
    };
    function isUSTAR(buf) {
      return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6));
    }
    function isGNU(buf) {
      return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) && b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2));
    }
    function clamp(index, len, defaultValue) {
      if (typeof index !== "number") return defaultValue;
      index = ~~index;
      if (index >= len) return len;
      if (index >= 0) return index;
      index += len;
      if (index >= 0) return index;
      return 0;
    }
    function toType(flag) {
      switch (flag) {
        case 0:
          return "file";
        case 1:
          return "link";
        case 2:
          return "symlink";
        case 3:
          return "character-device";
        case 4:
          return "block-device";
        case 5:
          return "directory";
        case 6:
          return "fifo";
        case 7:
          return "contiguous-file";
        case 72:
          return "pax-header";
        case 55:
          return "pax-global-header";
        case 27:
          return "gnu-long-link-path";
        case 28:
        case 30:
          return "gnu-long-path";
      }
      return null;
    }
    function toTypeflag(flag) {
      switch (flag) {
        case "file":
          return 0;
        case "link":
          return 1;
        case "symlink":
          return 2;
        case "character-device":
          return 3;
        case "block-device":
          return 4;
        case "directory":
          return 5;
        case "fifo":
          return 6;
        case "contiguous-file":
          return 7;
        case "pax-header":
          return 72;
      }
      return 0;
    }
    function indexOf(block, num, offset, end) {
      for (; offset < end; offset++) {
        if (block[offset] === num) return offset;
      }
      return end;
    }
    function cksum(block) {
      let sum = 8 * 32;
      for (let i = 0; i < 148; i++) sum += block[i];
      for (let j = 156; j < 512; j++) sum += block[j];
      return sum;
    }
    function encodeOct(val, n) {
      val = val.toString(8);
      if (val.length > n) return SEVENS.slice(0, n) + " ";
      return ZEROS.slice(0, n - val.length) + val + " ";
    }
    function encodeSizeBin(num, buf, off) {
      buf[off] = 128;
      for (let i = 11; i > 0; i--) {
        buf[off + i] = num & 255;
        num = Math.floor(num / 256);
      }
    }
    function encodeSize(num, buf, off) {
      if (num.toString(8).length > 11) {
        encodeSizeBin(num, buf, off);
      } else {
        b4a.write(buf, encodeOct(num, 11), off);
      }
    }
    function parse256(buf) {
      let positive;
      if (buf[0] === 128) positive = true;
      else if (buf[0] === 255) positive = false;
      else return null;
      const tuple = [];
      let i;
      for (i = buf.length - 1; i > 0; i--) {
        const byte = buf[i];
        if (positive) tuple.push(byte);
        else tuple.push(255 - byte);
      }
      let sum = 0;
      const l = tuple.length;
      for (i = 0; i < l; i++) {
        sum += tuple[i] * Math.pow(256, i);
      }
      return positive ? sum : -1 * sum;
    }
    function decodeOct(val, offset, length) {
      val = val.subarray(offset, offset + length);
      offset = 0;
      if (val[offset] & 128) {
        return parse256(val);
      } else {
        while (offset < val.length && val[offset] === 32) offset++;
        const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length);
        while (offset < end && val[offset] === 0) offset++;
        if (end === offset) return 0;
        return parseInt(b4a.toString(val.subarray(offset, end)), 8);
      }
    }
    function decodeStr(val, offset, length, encoding) {
      return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding);
    }
    function addLength(str) {
      const len = b4a.byteLength(str);
      let digits = Math.floor(Math.log(len) / Math.log(10)) + 1;
      if (len + digits >= Math.pow(10, digits)) digits++;
      return len + digits + str;
    }
  }
});

// node_modules/tar-stream/extract.js
var require_extract = __commonJS({
  "node_modules/tar-stream/extract.js"(exports, module) {
    var { Writable, Readable: Readable4, getStreamError } = require_streamx();
    var FIFO = require_fast_fifo();
    var b4a = require_b4a();
    var headers = require_headers();
    var EMPTY = b4a.alloc(0);
    var MAX_HEADER_SIZE = 4 * 1024 * 1024;
    var BufferList = class {
      constructor() {
        this.buffered = 0;
        this.shifted = 0;
        this.queue = new FIFO();
        this._offset = 0;
      }
      push(buffer) {
        this.buffered += buffer.byteLength;
        this.queue.push(buffer);
      }
      shiftFirst(size) {
        return this.buffered === 0 ? null : this._next(size);
      }
      shift(size) {
        if (size > this.buffered) return null;
        if (size === 0) return EMPTY;
        let chunk = this._next(size);
        if (size === chunk.byteLength) return chunk;
        const chunks = [chunk];
        while ((size -= chunk.byteLength) > 0) {
          chunk = this._next(size);
          chunks.push(chunk);
        }
        return b4a.concat(chunks);
      }
      _next(size) {
        const buf = this.queue.peek();
        const rem = buf.byteLength - this._offset;
        if (size >= rem) {
          const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf;
          this.queue.shift();
          this._offset = 0;
          this.buffered -= rem;
          this.shifted += rem;
          return sub;
        }
        this.buffered -= size;
        this.shifted += size;
        return buf.subarray(this._offset, this._offset += size);
      }
    };
    var Source = class extends Readable4 {
      constructor(self, header2, offset) {
        super();
        this.header = header2;
        this.offset = offset;
        this._parent = self;
      }
      _read(cb) {
        if (this.header.size === 0) {
          this.push(null);
        }
        if (this._parent._stream === this) {
          this._parent._update();
        }
        cb(null);
      }
      _predestroy() {
        this._parent.destroy(getStreamError(this));
      }
      _detach() {
        if (this._parent._stream === this) {
          this._parent._stream = null;
          this._parent._missing = overflow(this.header.size);
          this._parent._update();
        }
      }
      _destroy(cb) {
        this._detach();
        cb(null);
      }
    };
    var Extract = class extends Writable {
      constructor(opts) {
        super(opts);
        if (!opts) opts = {};
        this._buffer = new BufferList();
        this._offset = 0;
        this._header = null;
        this._stream = null;
        this._missing = 0;
        this._longHeader = false;
        this._callback = noop;
        this._locked = false;
        this._finished = false;
        this._pax = null;
        this._paxGlobal = null;
        this._gnuLongPath = null;
        this._gnuLongLinkPath = null;
        this._filenameEncoding = opts.filenameEncoding || "utf-8";
        this._allowUnknownFormat = !!opts.allowUnknownFormat;
        this._unlockBound = this._unlock.bind(this);
      }
      _unlock(err2) {
        this._locked = false;
        if (err2) {
          this.destroy(err2);
          this._continueWrite(err2);
          return;
        }
        this._update();
      }
      _consumeHeader() {
        if (this._locked) return false;
        this._offset = this._buffer.shifted;
        try {
          this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat);
        } catch (err2) {
          this._continueWrite(err2);
          return false;
        }
        if (!this._header) return true;
        this._header.byteOffset = this._buffer.shifted;
        switch (this._header.type) {
          case "gnu-long-path":
          case "gnu-long-link-path":
          case "pax-global-header":
          case "pax-header":
            this._longHeader = true;
            this._missing = this._header.size;
            if (this._missing > MAX_HEADER_SIZE) {
              this._continueWrite(new Error("Header exceeds max size"));
              return false;
            }
            return true;
        }
        this._locked = true;
        this._applyLongHeaders();
        if (!(this._header.size >= 0)) {
          this._continueWrite(new Error("Invalid header"));
          return false;
        }
        if (this._header.size === 0 || this._header.type === "directory") {
          this.emit("entry", this._header, this._createStream(), this._unlockBound);
          return true;
        }
        this._stream = this._createStream();
        this._missing = this._header.size;
        this.emit("entry", this._header, this._stream, this._unlockBound);
        return true;
      }
      _applyLongHeaders() {
        if (this._gnuLongPath) {
          this._header.name = this._gnuLongPath;
          this._gnuLongPath = null;
        }
        if (this._gnuLongLinkPath) {
          this._header.linkname = this._gnuLongLinkPath;
          this._gnuLongLinkPath = null;
        }
        if (this._pax) {
          if (this._pax.path) this._header.name = this._pax.path;
          if (this._pax.linkpath) this._header.linkname = this._pax.linkpath;
          if (this._pax.size) this._header.size = parseInt(this._pax.size, 10);
          this._header.pax = this._pax;
          this._pax = null;
        }
      }
      _decodeLongHeader(buf) {
        switch (this._header.type) {
          case "gnu-long-path":
            this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding);
            break;
          case "gnu-long-link-path":
            this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding);
            break;
          case "pax-global-header":
            this._paxGlobal = headers.decodePax(buf);
            break;
          case "pax-header":
            this._pax = this._paxGlobal === null ? headers.decodePax(buf) : Object.assign({}, this._paxGlobal, headers.decodePax(buf));
            break;
        }
      }
      _consumeLongHeader() {
        this._longHeader = false;
        this._missing = overflow(this._header.size);
        const buf = this._buffer.shift(this._header.size);
        try {
          this._decodeLongHeader(buf);
        } catch (err2) {
          this._continueWrite(err2);
          return false;
        }
        return true;
      }
      _consumeStream() {
        const buf = this._buffer.shiftFirst(this._missing);
        if (buf === null) return false;
        this._missing -= buf.byteLength;
        const drained = this._stream.push(buf);
        if (this._missing === 0) {
          this._stream.push(null);
          if (drained) this._stream._detach();
          return drained && this._locked === false;
        }
        return drained;
      }
      _createStream() {
        return new Source(this, this._header, this._offset);
      }
      _update() {
        while (this._buffer.buffered > 0 && !this.destroying) {
          if (this._missing > 0) {
            if (this._stream !== null) {
              if (this._consumeStream() === false) return;
              continue;
            }
            if (this._longHeader === true) {
              if (this._missing > this._buffer.buffered) break;
              if (this._consumeLongHeader() === false) return false;
              continue;
            }
            const ignore = this._buffer.shiftFirst(this._missing);
            if (ignore !== null) this._missing -= ignore.byteLength;
            continue;
          }
          if (this._buffer.buffered < 512) break;
          if (this._stream !== null || this._consumeHeader() === false) return;
        }
        this._continueWrite(null);
      }
      _continueWrite(err2) {
        const cb = this._callback;
        this._callback = noop;
        cb(err2);
      }
      _write(data, cb) {
        this._callback = cb;
        this._buffer.push(data);
        this._update();
      }
      _final(cb) {
        this._finished = this._missing === 0 && this._buffer.buffered === 0;
        cb(this._finished ? null : new Error("Unexpected end of data"));
      }
      _predestroy() {
        this._continueWrite(null);
      }
      _destroy(cb) {
        if (this._stream) this._stream.destroy(getStreamError(this));
        cb(null);
      }
      [Symbol.asyncIterator]() {
        let error2 = null;
        let promiseResolve = null;
        let promiseReject = null;
        let entryStream = null;
        let entryCallback = null;
        const extract = this;
        this.on("entry", onentry);
        this.on("error", (err2) => {
          error2 = err2;
        });
        this.on("close", onclose);
        return {
          [Symbol.asyncIterator]() {
            return this;
          },
          next() {
            return new Promise(onnext);
          },
          return() {
            return destroy(null);
          },
          throw(err2) {
            return destroy(err2);
          }
        };
        function consumeCallback(err2) {
          if (!entryCallback) return;
          const cb = entryCallback;
          entryCallback = null;
          cb(err2);
        }
        function onnext(resolve2, reject) {
          if (error2) {
            return reject(error2);
          }
          if (entryStream) {
            resolve2({ value: entryStream, done: false });
            entryStream = null;
            return;
          }
          promiseResolve = resolve2;
          promiseReject = reject;
          consumeCallback(null);
          if (extract._finished && promiseResolve) {
            promiseResolve({ value: void 0, done: true });
            promiseResolve = promiseReject = null;
          }
        }
        function onentry(header2, stream, callback) {
          entryCallback = callback;
          stream.on("error", noop);
          if (promiseResolve) {
            promiseResolve({ value: stream, done: false });
            promiseResolve = promiseReject = null;
          } else {
            entryStream = stream;
          }
        }
        function onclose() {
          consumeCallback(error2);
          if (!promiseResolve) return;
          if (error2) promiseReject(error2);
          else promiseResolve({ value: void 0, done: true });
          promiseResolve = promiseReject = null;
        }
        function destroy(err2) {
          extract.destroy(err2);
          consumeCallback(err2);
          return new Promise((resolve2, reject) => {
            if (extract.destroyed) return resolve2({ value: void 0, done: true });
            extract.once("close", function() {
              if (err2) reject(err2);
              else resolve2({ value: void 0, done: true });
            });
          });
        }
      }
    };
    module.exports = function extract(opts) {
      return new Extract(opts);
    };
    function noop() {
    }
    function overflow(size) {
      size &= 511;
      return size && 512 - size;
    }
  }
});

// node_modules/tar-stream/constants.js
var require_constants = __commonJS({
  "node_modules/tar-stream/constants.js"(exports, module) {
    var constants4 = {
      // just for envs without fs
      S_IFMT: 61440,
      S_IFDIR: 16384,
      S_IFCHR: 8192,
      S_IFBLK: 24576,
      S_IFIFO: 4096,
      S_IFLNK: 40960
    };
    try {
      module.exports = __require("fs").constants || constants4;
    } catch {
      module.exports = constants4;
    }
  }
});

// node_modules/tar-stream/pack.js
var require_pack = __commonJS({
  "node_modules/tar-stream/pack.js"(exports, module) {
    var { Readable: Readable4, Writable, getStreamError } = require_streamx();
    var b4a = require_b4a();
    var constants4 = require_constants();
    var headers = require_headers();
    var DMODE = 493;
    var FMODE = 420;
    var END_OF_TAR = b4a.alloc(1024);
    var Sink = class extends Writable {
      constructor(pack, header2, callback) {
        super({ mapWritable, eagerOpen: true });
        this.written = 0;
        this.header = header2;
        this._callback = callback;
        this._linkname = null;
        this._isLinkname = header2.type === "symlink" && !header2.linkname;
        this._isVoid = header2.type !== "file" && header2.type !== "contiguous-file";
        this._finished = false;
        this._pack = pack;
        this._openCallback = null;
        if (this._pack._stream === null) this._pack._stream = this;
        else this._pack._pending.push(this);
      }
      _open(cb) {
        this._openCallback = cb;
        if (this._pack._stream === this) this._continueOpen();
      }
      _continuePack(err2) {
        if (this._callback === null) return;
        const callback = this._callback;
        this._callback = null;
        callback(err2);
      }
      _continueOpen() {
        if (this._pack._stream === null) this._pack._stream = this;
        const cb = this._openCallback;
        this._openCallback = null;
        if (cb === null) return;
        if (this._pack.destroying) return cb(new Error("pack stream destroyed"));
        if (this._pack._finalized) return cb(new Error("pack stream is already finalized"));
        this._pack._stream = this;
        if (!this._isLinkname) {
          this._pack._encode(this.header);
        }
        if (this._isVoid) {
          this._finish();
          this._continuePack(null);
        }
        cb(null);
      }
      _write(data, cb) {
        if (this._isLinkname) {
          this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data;
          return cb(null);
        }
        if (this._isVoid) {
          if (data.byteLength > 0) {
            return cb(new Error("No body allowed for this entry"));
          }
          return cb();
        }
        this.written += data.byteLength;
        if (this._pack.push(data)) return cb();
        this._pack._drain = cb;
      }
      _finish() {
        if (this._finished) return;
        this._finished = true;
        if (this._isLinkname) {
          this.header.linkname = this._linkname ? b4a.toString(this._linkname, "utf-8") : "";
          this._pack._encode(this.header);
        }
        overflow(this._pack, this.header.size);
        this._pack._done(this);
      }
      _final(cb) {
        if (this.written !== this.header.size) {
          return cb(new Error("Size mismatch"));
        }
        this._finish();
        cb(null);
      }
      _getError() {
        return getStreamError(this) || new Error("tar entry destroyed");
      }
      _predestroy() {
        this._pack.destroy(this._getError());
      }
      _destroy(cb) {
        this._pack._done(this);
        this._continuePack(this._finished ? null : this._getError());
        cb();
      }
    };
    var Pack = class extends Readable4 {
      constructor(opts) {
        super(opts);
        this._drain = noop;
        this._finalized = false;
        this._finalizing = false;
        this._pending = [];
        this._stream = null;
      }
      entry(header2, buffer, callback) {
        if (this._finalized || this.destroying) throw new Error("already finalized or destroyed");
        if (typeof buffer === "function") {
          callback = buffer;
          buffer = null;
        }
        if (!callback) callback = noop;
        if (!header2.size || header2.type === "symlink") header2.size = 0;
        if (!header2.type) header2.type = modeToType(header2.mode);
        if (!header2.mode) header2.mode = header2.type === "directory" ? DMODE : FMODE;
        if (!header2.uid) header2.uid = 0;
        if (!header2.gid) header2.gid = 0;
        if (!header2.mtime) header2.mtime = /* @__PURE__ */ new Date();
        if (typeof buffer === "string") buffer = b4a.from(buffer);
        const sink = new Sink(this, header2, callback);
        if (b4a.isBuffer(buffer)) {
          header2.size = buffer.byteLength;
          sink.write(buffer);
          sink.end();
          return sink;
        }
        if (sink._isVoid) {
          return sink;
        }
        return sink;
      }
      finalize() {
        if (this._stream || this._pending.length > 0) {
          this._finalizing = true;
          return;
        }
        if (this._finalized) return;
        this._finalized = true;
        this.push(END_OF_TAR);
        this.push(null);
      }
      _done(stream) {
        if (stream !== this._stream) return;
        this._stream = null;
        if (this._finalizing) this.finalize();
        if (this._pending.length) this._pending.shift()._continueOpen();
      }
      _encode(header2) {
        if (!header2.pax) {
          const buf = headers.encode(header2);
          if (buf) {
            this.push(buf);
            return;
          }
        }
        this._encodePax(header2);
      }
      _encodePax(header2) {
        const paxHeader = headers.encodePax({
          name: header2.name,
          linkname: header2.linkname,
          pax: header2.pax
        });
        const newHeader = {
          name: "PaxHeader",
          mode: header2.mode,
          uid: header2.uid,
          gid: header2.gid,
          size: paxHeader.byteLength,
          mtime: header2.mtime,
          type: "pax-header",
          linkname: header2.linkname && "PaxHeader",
          uname: header2.uname,
          gname: header2.gname,
          devmajor: header2.devmajor,
          devminor: header2.devminor
        };
        this.push(headers.encode(newHeader));
        this.push(paxHeader);
        overflow(this, paxHeader.byteLength);
        newHeader.size = header2.size;
        newHeader.type = header2.type;
        this.push(headers.encode(newHeader));
      }
      _doDrain() {
        const drain = this._drain;
        this._drain = noop;
        drain();
      }
      _predestroy() {
        const err2 = getStreamError(this);
        if (this._stream) this._stream.destroy(err2);
        while (this._pending.length) {
          const stream = this._pending.shift();
          stream.destroy(err2);
          stream._continueOpen();
        }
        this._doDrain();
      }
      _read(cb) {
        this._doDrain();
        cb();
      }
    };
    module.exports = function pack(opts) {
      return new Pack(opts);
    };
    function modeToType(mode) {
      switch (mode & constants4.S_IFMT) {
        case constants4.S_IFBLK:
          return "block-device";
        case constants4.S_IFCHR:
          return "character-device";
        case constants4.S_IFDIR:
          return "directory";
        case constants4.S_IFIFO:
          return "fifo";
        case constants4.S_IFLNK:
          return "symlink";
      }
      return "file";
    }
    function noop() {
    }
    function overflow(self, size) {
      size &= 511;
      if (size) self.push(END_OF_TAR.subarray(0, 512 - size));
    }
    function mapWritable(buf) {
      return b4a.isBuffer(buf) ? buf : b4a.from(buf);
    }
  }
});

// node_modules/tar-stream/index.js
var require_tar_stream = __commonJS({
  "node_modules/tar-stream/index.js"(exports) {
    exports.extract = require_extract();
    exports.pack = require_pack();
  }
});

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
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
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
    function step(result3) {
      result3.done ? resolve2(result3.value) : adopt(result3.value).then(fulfilled, rejected);
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
        const { header: header2, data, colspan, rowspan } = cell;
        const tag = header2 ? "th" : "td";
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
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
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
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// actions/runner-check/main.ts
import { randomUUID as randomUUID3 } from "node:crypto";
import { promises as fs8 } from "node:fs";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

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

// src/oci/reference.ts
var dockerHub = "docker.io";
var dockerHubApiHost = "registry-1.docker.io";
var pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var domain = new RegExp(
  `^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`
);
var tagPattern = /^[\w][\w.-]{0,127}$/;
var digestPattern = /^sha256:[a-f0-9]{64}$/;
var maxNameLength = 255;
function isValidTag(tag) {
  return tagPattern.test(tag);
}
function isDigest(value) {
  return digestPattern.test(value);
}
function fail(input2, why) {
  throw new UserError(`image reference '${input2}': ${why}`);
}
function splitRegistry(input2, name) {
  const slash = name.indexOf("/");
  const first = slash === -1 ? "" : name.slice(0, slash);
  const isRegistry = slash !== -1 && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase());
  let registry = isRegistry ? first : dockerHub;
  let repository = isRegistry ? name.slice(slash + 1) : name;
  if (isRegistry && !domain.test(registry))
    fail(input2, `'${registry}' is not a valid registry host`);
  if (registry === "index.docker.io") registry = dockerHub;
  if (registry === dockerHub && !repository.includes("/")) repository = `library/${repository}`;
  if (repository === "") fail(input2, "the repository name is empty");
  for (const component of repository.split("/")) {
    if (!pathComponent.test(component)) {
      fail(
        input2,
        `repository '${repository}' must be lower-case letters, digits and separators (. _ __ -) between them`
      );
    }
  }
  const fullLength = (registry === dockerHub ? "" : `${registry}/`).length + repository.length;
  if (fullLength > maxNameLength) fail(input2, `the name is longer than ${maxNameLength} characters`);
  return { registry, repository };
}
function parseReference(input2, options = {}) {
  const text = input2.trim();
  if (text === "") fail(input2, "it is empty; give a name such as registry.example.com/team/app:1.0");
  let rest = text;
  let digest;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest))
      fail(input2, `digest '${digest}' must be sha256: followed by 64 lower-case hex digits`);
  }
  let tag;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!isValidTag(tag)) {
      fail(
        input2,
        `tag '${tag}' must be up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`
      );
    }
  }
  const repository = splitRegistry(input2, rest);
  const defaultTag = options.defaultTag ?? "latest";
  if (tag === void 0 && digest === void 0 && defaultTag !== "") tag = defaultTag;
  return {
    ...repository,
    ...tag !== void 0 && { tag },
    ...digest !== void 0 && { digest }
  };
}
function registryApiHost(registry) {
  return registry === dockerHub || registry === "index.docker.io" ? dockerHubApiHost : registry;
}
function formatRepository(repository) {
  return `${repository.registry}/${repository.repository}`;
}
function formatReference(reference) {
  return formatRepository(reference) + (reference.tag !== void 0 ? `:${reference.tag}` : "") + (reference.digest !== void 0 ? `@${reference.digest}` : "");
}

// src/runner/check-run.ts
import { promises as fs7 } from "node:fs";

// src/oci/image-source.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { createHash as createHash3, randomBytes as randomBytes2 } from "node:crypto";
import { createReadStream as createReadStream3, promises as fs5 } from "node:fs";
import { join as join2, posix, resolve } from "node:path";
import { Readable as Readable2 } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";

// src/util/atomic-write.ts
import { promises as fs3 } from "node:fs";
async function streamToNewFile(path, write, options = {}) {
  const handle = await fs3.open(path, "wx", options.mode ?? 420);
  const sink = handle.createWriteStream();
  try {
    await write(sink);
  } catch (error2) {
    if (!sink.closed) {
      await new Promise((resolve2) => {
        sink.on("error", () => void 0);
        sink.once("close", () => resolve2());
        sink.destroy();
      });
    }
    await fs3.rm(path, { force: true });
    throw error2;
  }
}

// src/oci/layout.ts
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, promises as fs4 } from "node:fs";
import { join } from "node:path";

// src/oci/media-types.ts
var mediaTypes = {
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  dockerLayer: "application/vnd.docker.image.rootfs.diff.tar.gzip",
  dockerForeignLayer: "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
  ociLayer: "application/vnd.oci.image.layer.v1.tar",
  ociLayerGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  ociLayerZstd: "application/vnd.oci.image.layer.v1.tar+zstd"
};
var manifestMediaTypes = [
  mediaTypes.ociIndex,
  mediaTypes.dockerManifestList,
  mediaTypes.ociManifest,
  mediaTypes.dockerManifest
];
function bareMediaType(mediaType) {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}
function isIndex(mediaType) {
  const bare = bareMediaType(mediaType);
  return bare === mediaTypes.ociIndex || bare === mediaTypes.dockerManifestList;
}
function isImageManifest(mediaType) {
  const bare = bareMediaType(mediaType);
  return bare === mediaTypes.ociManifest || bare === mediaTypes.dockerManifest;
}

// src/oci/layout.ts
var refNameAnnotation = "org.opencontainers.image.ref.name";
var layoutMarker = JSON.stringify({ imageLayoutVersion: "1.0.0" });
function blobPath(layout, digest) {
  if (!digestPattern.test(digest)) throw new UserError(`not a sha256 digest: '${digest}'`);
  return join(layout, "blobs", "sha256", digest.slice("sha256:".length));
}
async function readBlob(layout, digest) {
  const path = blobPath(layout, digest);
  let bytes;
  try {
    bytes = await fs4.readFile(path);
  } catch {
    throw new UserError(`OCI layout ${layout}: blob ${digest} is missing`);
  }
  const actual = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  if (actual !== digest) {
    throw new UserError(
      `OCI layout ${layout}: blob ${digest} is corrupt (its bytes hash to ${actual})`
    );
  }
  return bytes;
}
async function readIndex(layout) {
  let text;
  try {
    text = await fs4.readFile(join(layout, "index.json"), "utf8");
  } catch {
    throw new UserError(`${layout} is not an OCI layout: it has no index.json`);
  }
  let index;
  try {
    index = JSON.parse(text);
  } catch {
    throw new UserError(`${join(layout, "index.json")} is not valid JSON`);
  }
  if (!Array.isArray(index.manifests)) {
    throw new UserError(`${join(layout, "index.json")} has no "manifests" list`);
  }
  return index;
}

// src/oci/registry.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream as createReadStream2, statSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { Readable } from "node:stream";

// src/util/loopback.ts
function isLoopbackHost(host) {
  const name = host.replace(/\/.*$/, "").replace(/^\[([^\]]*)\](?::\d+)?$/, "$1").replace(/^([^:]*):\d+$/, "$1").toLowerCase();
  return name === "localhost" || name === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

// src/oci/auth.ts
function parseWwwAuthenticate(header2) {
  const challenges = [];
  const token = /\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*/y;
  let position = 0;
  let current;
  while (position < header2.length) {
    token.lastIndex = position;
    const name = token.exec(header2);
    if (!name) {
      position++;
      continue;
    }
    position = token.lastIndex;
    if (header2[position] === "=") {
      position++;
      let value = "";
      while (header2[position] === " ") position++;
      if (header2[position] === '"') {
        position++;
        while (position < header2.length && header2[position] !== '"') {
          if (header2[position] === "\\") position++;
          value += header2[position] ?? "";
          position++;
        }
        position++;
      } else {
        const end = header2.indexOf(",", position);
        value = header2.slice(position, end === -1 ? void 0 : end).trim();
        position = end === -1 ? header2.length : end;
      }
      if (current) current.params[name[1].toLowerCase()] = value;
    } else {
      current = { scheme: name[1].toLowerCase(), params: {} };
      challenges.push(current);
    }
    while (header2[position] === " " || header2[position] === ",") position++;
  }
  return challenges;
}
function repositoryScope(repository, actions) {
  return `repository:${repository}:${actions.join(",")}`;
}

// src/oci/registry.ts
var RegistryError = class extends UserError {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
  status;
  code;
};
function sha256Digest(bytes) {
  return `sha256:${createHash2("sha256").update(bytes).digest("hex")}`;
}
var defaultSleep = (ms) => new Promise((done) => setTimeout(done, ms));
var retryableCodes = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "EAI_AGAIN"]);
function registryScheme(registry, insecureRegistries = []) {
  const host = hostOf(registry);
  if (isLoopbackHost(registry)) return "http";
  const insecure = insecureRegistries.map(
    (entry) => entry.trim().replace(/^https?:\/\//, "").replace(/\/+$/, "")
  );
  return insecure.includes(registry) || insecure.includes(host) ? "http" : "https";
}
function hostOf(registry) {
  if (registry.startsWith("[")) return registry.slice(0, registry.indexOf("]") + 1);
  const colon = registry.lastIndexOf(":");
  return colon === -1 ? registry : registry.slice(0, colon);
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === void 0 || value.trim() === "") return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function backoffDelay(retry, minDelayMs, maxDelayMs) {
  return Math.min(maxDelayMs, minDelayMs * 2 ** (retry - 1));
}
var RegistryClient = class {
  stats = {
    requests: 0,
    retries: 0,
    bytesSent: 0,
    blobBytesSent: 0,
    blobUploads: 0
  };
  options;
  challenges = /* @__PURE__ */ new Map();
  tokens = /* @__PURE__ */ new Map();
  httpAgent = new http.Agent({ keepAlive: true });
  httpsAgent = new https.Agent({ keepAlive: true });
  constructor(options = {}) {
    this.options = {
      maxRetries: 3,
      minDelayMs: 500,
      maxDelayMs: 4e3,
      retryAfterCapMs: 3e4,
      sleep: defaultSleep,
      timeoutMs: 12e4,
      userAgent: "runnerkit",
      ...options
    };
  }
  /** Closes kept-alive connections. */
  close() {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
  baseUrl(registry) {
    return `${registryScheme(registry, this.options.insecureRegistries)}://${registryApiHost(registry)}`;
  }
  async getManifest(reference) {
    const name = referenceName(reference);
    const response = await this.send({
      operation: `GET manifest ${formatReference(reference)}`,
      method: "GET",
      registry: reference.registry,
      path: `/v2/${reference.repository}/manifests/${name}`,
      scopes: [repositoryScope(reference.repository, ["pull"])],
      headers: { accept: manifestMediaTypes.join(", ") }
    });
    this.expect(response, [200], `GET manifest ${formatReference(reference)}`);
    const digest = sha256Digest(response.body);
    const announced = header(response, "docker-content-digest");
    if (announced !== void 0 && announced.startsWith("sha256:") && announced !== digest) {
      throw new RegistryError(
        `registry ${reference.registry} sent manifest ${formatReference(reference)} with Docker-Content-Digest ${announced}, but its bytes hash to ${digest}`
      );
    }
    if (reference.digest !== void 0 && reference.digest !== digest) {
      throw new RegistryError(
        `registry ${reference.registry} sent bytes hashing to ${digest} for ${formatReference(reference)}`
      );
    }
    return { bytes: response.body, mediaType: manifestType(response), digest };
  }
  /** The digest and type a tag or digest resolves to, or undefined when it does not exist. */
  async headManifest(reference) {
    const response = await this.send({
      operation: `HEAD manifest ${formatReference(reference)}`,
      method: "HEAD",
      registry: reference.registry,
      path: `/v2/${reference.repository}/manifests/${referenceName(reference)}`,
      scopes: [repositoryScope(reference.repository, ["pull"])],
      headers: { accept: manifestMediaTypes.join(", ") }
    });
    if (response.status === 404) return void 0;
    this.expect(response, [200], `HEAD manifest ${formatReference(reference)}`);
    const digest = header(response, "docker-content-digest");
    if (digest === void 0) {
      const manifest = await this.getManifest(reference);
      return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
    }
    return {
      digest,
      mediaType: bareMediaType(header(response, "content-type") ?? ""),
      size: Number(header(response, "content-length") ?? 0)
    };
  }
  /** PUTs a manifest under a tag or its digest; returns its digest (the sha256 of the bytes). */
  async putManifest(repository, tagOrDigest, bytes, mediaType) {
    const operation = `PUT manifest ${repository.registry}/${repository.repository}${tagOrDigest.startsWith("sha256:") ? "@" : ":"}${tagOrDigest}`;
    const response = await this.send({
      operation,
      method: "PUT",
      registry: repository.registry,
      path: `/v2/${repository.repository}/manifests/${tagOrDigest}`,
      scopes: [repositoryScope(repository.repository, ["pull", "push"])],
      headers: { "content-type": mediaType },
      body: bytes
    });
    this.expect(response, [200, 201], operation);
    const digest = sha256Digest(bytes);
    const announced = header(response, "docker-content-digest");
    if (announced !== void 0 && announced.startsWith("sha256:") && announced !== digest) {
      throw new RegistryError(
        `${operation}: the registry stored digest ${announced}, not ${digest}; it rewrote the manifest`
      );
    }
    return digest;
  }
  async blobExists(repository, digest) {
    const operation = `HEAD blob ${repository.registry}/${repository.repository}@${digest}`;
    const response = await this.send({
      operation,
      method: "HEAD",
      registry: repository.registry,
      path: `/v2/${repository.repository}/blobs/${digest}`,
      scopes: [repositoryScope(repository.repository, ["pull"])]
    });
    if (response.status === 404) return false;
    this.expect(response, [200], operation);
    return true;
  }
  async getBlob(repository, digest) {
    const operation = `GET blob ${repository.registry}/${repository.repository}@${digest}`;
    const response = await this.send({
      operation,
      method: "GET",
      registry: repository.registry,
      path: `/v2/${repository.repository}/blobs/${digest}`,
      scopes: [repositoryScope(repository.repository, ["pull"])]
    });
    this.expect(response, [200], operation);
    if (sha256Digest(response.body) !== digest) {
      throw new RegistryError(`${operation}: the bytes received do not hash to ${digest}`);
    }
    return response.body;
  }
  /**
   * Streams a blob (a layer of any size) without holding it in memory. The bytes are not
   * checked against `digest`: a caller that needs that hashes them as they pass.
   */
  async openBlob(repository, digest) {
    const operation = `GET blob ${repository.registry}/${repository.repository}@${digest}`;
    const response = await this.send({
      operation,
      method: "GET",
      registry: repository.registry,
      path: `/v2/${repository.repository}/blobs/${digest}`,
      scopes: [repositoryScope(repository.repository, ["pull"])],
      stream: true
    });
    this.expect(response, [200], operation);
    return response.stream ?? Readable.from([response.body]);
  }
  /**
   * Mounts a blob from another repository of the same registry. True when the registry mounted
   * it (201); false when it refused and opened an upload instead (202), which is cancelled.
   */
  async mountBlob(from, to, digest) {
    if (from.registry !== to.registry) return false;
    const operation = `mount blob ${digest} from ${from.repository} into ${to.registry}/${to.repository}`;
    const response = await this.send({
      operation,
      method: "POST",
      registry: to.registry,
      path: `/v2/${to.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from.repository)}`,
      scopes: [
        repositoryScope(to.repository, ["pull", "push"]),
        repositoryScope(from.repository, ["pull"])
      ],
      headers: { "content-length": "0" }
    });
    this.expect(response, [201, 202], operation);
    if (response.status === 201) return true;
    const location = header(response, "location");
    if (location !== void 0) {
      const cancel = await this.send({
        operation: `cancel upload into ${to.registry}/${to.repository}`,
        method: "DELETE",
        registry: to.registry,
        path: this.resolveLocation(to.registry, location),
        scopes: [repositoryScope(to.repository, ["pull", "push"])]
      });
      void cancel;
    }
    return false;
  }
  /** A monolithic upload: POST for a session, then one PUT with the bytes and the digest. */
  async uploadBlob(repository, digest, source) {
    const body = blobBody(source);
    const where2 = `${repository.registry}/${repository.repository}`;
    const scopes = [repositoryScope(repository.repository, ["pull", "push"])];
    const start = await this.send({
      operation: `start upload of ${digest} into ${where2}`,
      method: "POST",
      registry: repository.registry,
      path: `/v2/${repository.repository}/blobs/uploads/`,
      scopes,
      headers: { "content-length": "0" }
    });
    this.expect(start, [202], `start upload of ${digest} into ${where2}`);
    const location = header(start, "location");
    if (location === void 0) {
      throw new RegistryError(`start upload into ${where2}: the registry sent no Location header`);
    }
    const url = new URL(this.resolveLocation(repository.registry, location));
    url.searchParams.set("digest", digest);
    const operation = `upload blob ${digest} into ${where2}`;
    this.stats.blobUploads++;
    const done = await this.send({
      operation,
      method: "PUT",
      registry: repository.registry,
      path: url.toString(),
      scopes,
      headers: { "content-type": "application/octet-stream" },
      body,
      blob: true
    });
    this.expect(done, [201, 204], operation);
  }
  /** Copies a blob between repositories (any registries) by streaming it through this process. */
  async copyBlob(from, to, digest, size) {
    const operation = `GET blob ${from.registry}/${from.repository}@${digest}`;
    const request = {
      operation,
      method: "GET",
      registry: from.registry,
      path: `/v2/${from.repository}/blobs/${digest}`,
      scopes: [repositoryScope(from.repository, ["pull"])],
      stream: true
    };
    let length = size;
    if (length === void 0) {
      const head = await this.send({
        ...request,
        method: "HEAD",
        operation: `HEAD blob ${from.registry}/${from.repository}@${digest}`,
        stream: false
      });
      this.expect(head, [200], `HEAD blob ${from.registry}/${from.repository}@${digest}`);
      length = Number(header(head, "content-length"));
    }
    await this.uploadBlob(to, digest, {
      size: length,
      open: async () => {
        const response = await this.send(request);
        this.expect(response, [200], operation);
        return response.stream ?? Readable.from([response.body]);
      }
    });
  }
  resolveLocation(registry, location) {
    return new URL(location, this.baseUrl(registry)).toString();
  }
  expect(response, statuses, operation) {
    if (statuses.includes(response.status)) return;
    response.stream?.resume();
    const { code, message } = registryErrorOf(response.body);
    const detail = code ? `${code}${message ? `: ${message}` : ""}` : `HTTP ${response.status}`;
    const hint = response.status === 404 ? " (check the name, tag or digest)" : response.status === 401 || response.status === 403 ? " (check the credentials and their access to this repository)" : "";
    throw new RegistryError(`${operation}: ${detail}${hint}`, response.status, code);
  }
  async send(spec) {
    const url = spec.path.startsWith("/") ? `${this.baseUrl(spec.registry)}${spec.path}` : spec.path;
    for (let authAttempt = 0; ; authAttempt++) {
      const headers = {
        "user-agent": this.options.userAgent,
        ...spec.headers
      };
      const known = this.challenges.get(spec.registry);
      if (known?.scheme === "bearer" && !this.tokens.has(tokenKey(spec.registry, spec.scopes))) {
        await this.fetchToken(spec, known);
      }
      const authorization = this.authorization(spec.registry, spec.scopes);
      if (authorization !== void 0 && new URL(url).host === registryApiHost(spec.registry)) {
        headers.authorization = authorization;
      }
      const response = await this.withRetries(
        spec.operation,
        () => this.rawRequest(
          url,
          spec.method,
          headers,
          spec.body,
          spec.stream === true,
          spec.blob === true
        )
      );
      if (response.status !== 401 || authAttempt > 0) {
        if (response.status === 401) {
          response.stream?.resume();
          throw new RegistryError(
            `${spec.operation}: registry ${spec.registry} refused ${this.options.credentials?.[spec.registry] ? "the credentials given" : "anonymous access"} (HTTP 401): give credentials for ${spec.registry} with access to this repository`,
            401
          );
        }
        return response;
      }
      response.stream?.resume();
      this.tokens.delete(tokenKey(spec.registry, spec.scopes));
      await this.authenticate(spec, header(response, "www-authenticate"));
    }
  }
  authorization(registry, scopes) {
    const challenge = this.challenges.get(registry);
    if (challenge === void 0) return void 0;
    if (challenge.scheme === "basic") {
      const credentials = this.options.credentials?.[registry];
      return credentials ? basicAuthorization(credentials) : void 0;
    }
    const token = this.tokens.get(tokenKey(registry, scopes));
    return token === void 0 ? void 0 : `Bearer ${token}`;
  }
  async authenticate(spec, wwwAuthenticate) {
    const challenges = parseWwwAuthenticate(wwwAuthenticate ?? "");
    const challenge = challenges.find((candidate) => candidate.scheme === "bearer") ?? challenges.find((candidate) => candidate.scheme === "basic");
    const credentials = this.options.credentials?.[spec.registry];
    if (challenge === void 0) {
      throw new RegistryError(
        `${spec.operation}: registry ${spec.registry} answered HTTP 401 without a Bearer or Basic challenge`,
        401
      );
    }
    this.challenges.set(spec.registry, challenge);
    if (challenge.scheme === "basic") {
      if (credentials === void 0) {
        throw new RegistryError(
          `${spec.operation}: registry ${spec.registry} requires a username and password; give credentials for ${spec.registry}`,
          401
        );
      }
      return;
    }
    await this.fetchToken(spec, challenge);
  }
  async fetchToken(spec, challenge) {
    const credentials = this.options.credentials?.[spec.registry];
    const realm = challenge.params.realm;
    if (realm === void 0) {
      throw new RegistryError(
        `${spec.operation}: registry ${spec.registry} sent a Bearer challenge without a realm`,
        401
      );
    }
    const tokenUrl = new URL(realm);
    if (challenge.params.service !== void 0)
      tokenUrl.searchParams.set("service", challenge.params.service);
    for (const scope of spec.scopes) tokenUrl.searchParams.append("scope", scope);
    const headers = { "user-agent": this.options.userAgent };
    if (credentials) headers.authorization = basicAuthorization(credentials);
    const operation = `get a token for ${spec.registry} from ${tokenUrl.origin}${tokenUrl.pathname}`;
    const response = await this.withRetries(
      operation,
      () => this.rawRequest(tokenUrl.toString(), "GET", headers, void 0, false, false)
    );
    if (response.status !== 200) {
      throw new RegistryError(
        `${operation}: HTTP ${response.status}${credentials ? "; check the credentials given" : "; give credentials for this registry"}`,
        response.status
      );
    }
    let token;
    try {
      const parsed = JSON.parse(response.body.toString("utf8"));
      token = parsed.token ?? parsed.access_token;
    } catch {
      token = void 0;
    }
    if (typeof token !== "string" || token === "") {
      throw new RegistryError(`${operation}: the answer holds no token`);
    }
    this.tokens.set(tokenKey(spec.registry, spec.scopes), token);
  }
  async withRetries(operation, attempt) {
    const { maxRetries, minDelayMs, maxDelayMs, retryAfterCapMs } = this.options;
    for (let retry = 0; ; retry++) {
      let reason;
      let delayMs = backoffDelay(retry + 1, minDelayMs, maxDelayMs);
      try {
        const response = await attempt();
        const retryable = response.status === 429 || response.status >= 500 && response.status !== 501;
        if (!retryable || retry >= maxRetries) return response;
        response.stream?.resume();
        reason = `HTTP ${response.status}`;
        const retryAfter = parseRetryAfter(header(response, "retry-after"));
        if (retryAfter !== void 0) delayMs = Math.min(retryAfter, retryAfterCapMs);
      } catch (error2) {
        const code = error2.code;
        const retryable = code !== void 0 && retryableCodes.has(code);
        if (!retryable || retry >= maxRetries) {
          const what = code ?? (error2 instanceof Error ? error2.message : String(error2));
          throw new RegistryError(
            `${operation}: ${what}${retry > 0 ? ` after ${retry + 1} attempts` : ""}${code === "ECONNREFUSED" ? " (is the registry running, and is the host and port right?)" : ""}`
          );
        }
        reason = code;
      }
      this.stats.retries++;
      this.options.onRetry?.({ operation, attempt: retry + 1, maxRetries, delayMs, reason });
      await this.options.sleep(delayMs);
    }
  }
  rawRequest(url, method, headers, body, stream, blob, redirects = 0) {
    const target = new URL(url);
    const secure = target.protocol === "https:";
    const transport = secure ? https : http;
    this.stats.requests++;
    return new Promise((resolve2, reject) => {
      const requestHeaders = { ...headers };
      if (body !== void 0)
        requestHeaders["content-length"] = String(Buffer.isBuffer(body) ? body.length : body.size);
      const request = transport.request(
        target,
        { method, headers: requestHeaders, agent: secure ? this.httpsAgent : this.httpAgent },
        (response) => {
          const status = response.statusCode ?? 0;
          const location = response.headers.location;
          if ([301, 302, 303, 307, 308].includes(status) && location && (method === "GET" || method === "HEAD") && redirects < 5) {
            response.resume();
            const next = new URL(location, target);
            const nextHeaders = { ...headers };
            if (next.host !== target.host) delete nextHeaders.authorization;
            resolve2(
              this.rawRequest(
                next.toString(),
                method,
                nextHeaders,
                void 0,
                stream,
                blob,
                redirects + 1
              )
            );
            return;
          }
          if (stream && status >= 200 && status < 300) {
            resolve2({ status, headers: response.headers, body: Buffer.alloc(0), stream: response });
            return;
          }
          const chunks = [];
          response.on("data", (chunk) => chunks.push(chunk));
          response.on(
            "end",
            () => resolve2({ status, headers: response.headers, body: Buffer.concat(chunks) })
          );
          response.on("error", reject);
        }
      );
      request.setTimeout(this.options.timeoutMs, () => {
        request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" }));
      });
      request.on("error", reject);
      const count = (length) => {
        this.stats.bytesSent += length;
        if (blob) this.stats.blobBytesSent += length;
      };
      if (body === void 0) {
        request.end();
      } else if (Buffer.isBuffer(body)) {
        count(body.length);
        request.end(body);
      } else {
        body.open().then(
          (source) => {
            source.on("data", (chunk) => count(chunk.length));
            source.on("error", (error2) => request.destroy(error2));
            source.pipe(request);
          },
          (error2) => request.destroy(error2 instanceof Error ? error2 : new Error(String(error2)))
        );
      }
    });
  }
};
function blobBody(source) {
  if (Buffer.isBuffer(source)) return source;
  if ("path" in source) {
    const { path } = source;
    return { size: statSync(path).size, open: () => Promise.resolve(createReadStream2(path)) };
  }
  return source;
}
function referenceName(reference) {
  const name = reference.digest ?? reference.tag;
  if (name === void 0) {
    throw new UserError(`image reference '${formatReference(reference)}': give a tag or a digest`);
  }
  return name;
}
function header(response, name) {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
function manifestType(response) {
  const contentType = bareMediaType(header(response, "content-type") ?? "");
  if (contentType !== "" && contentType !== "application/json" && contentType !== "text/plain")
    return contentType;
  try {
    const { mediaType } = JSON.parse(response.body.toString("utf8"));
    if (typeof mediaType === "string") return mediaType;
  } catch {
  }
  return contentType;
}
function registryErrorOf(body) {
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    const first = parsed.errors?.[0];
    return {
      ...typeof first?.code === "string" && { code: first.code },
      ...typeof first?.message === "string" && { message: first.message }
    };
  } catch {
    return {};
  }
}
function basicAuthorization(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
function tokenKey(registry, scopes) {
  return `${registry} ${[...scopes].sort().join(" ")}`;
}

// src/oci/image-source.ts
var maxMetadataSize = 64 * 1024 * 1024;
async function openImage(reference, options) {
  const wanted = options.platform !== void 0 && options.platform.trim() !== "" ? parsePlatform(options.platform) : hostPlatform();
  const explicit = options.platform !== void 0 && options.platform.trim() !== "";
  const selection = { wanted, explicit };
  const colon = reference.indexOf(":");
  const transport = colon === -1 ? "" : reference.slice(0, colon);
  const rest = reference.slice(colon + 1);
  switch (transport) {
    case "oci":
      return openOciLayout(reference, rest, selection);
    case "oci-archive":
      return openOciArchive(reference, rest, selection, options.workDir);
    case "docker-archive":
      return openDockerArchive(reference, rest, selection, options.workDir);
    case "docker":
      if (!rest.startsWith("//")) {
        throw new UserError(`image ${reference}: write a registry image as docker://REF or REF`);
      }
      return openRegistry(reference, rest.slice(2), selection, options);
    case "docker-daemon":
    case "containers-storage":
      throw new UserError(
        `image ${reference}: the ${transport} transport needs a daemon; save the image with 'docker save' or 'podman save' and give docker-archive:FILE`
      );
    default:
      return openRegistry(reference, reference, selection, options);
  }
}
function parsePlatform(text) {
  const parts = text.trim().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === "")) {
    throw new UserError(`platform '${text}' must be os/arch[/variant], e.g. linux/amd64`);
  }
  const [os5, architecture, variant] = parts;
  return normalizePlatform({
    os: os5.toLowerCase(),
    architecture: architecture.toLowerCase(),
    ...variant !== void 0 && { variant: variant.toLowerCase() }
  });
}
function hostPlatform() {
  const architecture = {
    x64: "amd64",
    ia32: "386",
    arm64: "arm64",
    arm: "arm",
    ppc64: "ppc64le",
    s390x: "s390x",
    riscv64: "riscv64"
  }[process.arch] ?? process.arch;
  return { os: "linux", architecture };
}
function formatPlatform(platform2) {
  return `${platform2.os}/${platform2.architecture}${platform2.variant ? `/${platform2.variant}` : ""}`;
}
function normalizePlatform(platform2) {
  const architecture = { x86_64: "amd64", "x86-64": "amd64", aarch64: "arm64", i386: "386" }[platform2.architecture] ?? platform2.architecture;
  return { ...platform2, architecture };
}
function defaultVariant(architecture) {
  return { arm64: "v8", arm: "v7", amd64: "v1" }[architecture];
}
function platformMatches(wanted, candidate) {
  const normal = normalizePlatform(candidate);
  if (normal.os !== wanted.os || normal.architecture !== wanted.architecture) return false;
  if (wanted.variant === void 0) return true;
  const have = normal.variant ?? defaultVariant(normal.architecture);
  const want = wanted.variant ?? defaultVariant(wanted.architecture);
  return have === want;
}
function isAttestation(descriptor) {
  return descriptor.annotations?.["vnd.docker.reference.type"] !== void 0 || descriptor.platform?.os === "unknown" && descriptor.platform.architecture === "unknown";
}
function pickPlatform(reference, manifests, selection) {
  const candidates = manifests.filter((entry) => !isAttestation(entry));
  const matching = candidates.filter(
    (entry) => entry.platform !== void 0 && platformMatches(selection.wanted, entry.platform)
  );
  const preferred = matching.find((entry) => {
    const variant = entry.platform?.variant;
    return variant === void 0 || variant === defaultVariant(selection.wanted.architecture);
  }) ?? matching[0];
  if (preferred !== void 0) return preferred;
  const present = candidates.map((entry) => entry.platform ? formatPlatform(entry.platform) : "unknown").filter((name, position, all) => all.indexOf(name) === position);
  throw new UserError(
    `image ${reference} has no ${formatPlatform(selection.wanted)} image (it has: ${present.length > 0 ? present.join(", ") : "none"}); choose one of those platforms`
  );
}
async function readJson(reference, store, digest) {
  const bytes = await store.read(digest);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new UserError(`image ${reference}: blob ${digest} is not valid JSON`);
  }
}
async function resolveFromIndex(reference, store, index, refName, selection, how) {
  const entries = Array.isArray(index.manifests) ? index.manifests : [];
  let descriptor;
  if (refName !== void 0 && refName !== "") {
    const found = entries.find((entry) => entry.annotations?.[refNameAnnotation] === refName);
    if (found === void 0) {
      const names = refNames(entries);
      throw new UserError(
        `image ${reference}: there is no image named '${refName}'${names.length > 0 ? ` (there are: ${names.join(", ")})` : " (no image in it has a name)"}`
      );
    }
    descriptor = found;
  } else if (entries.length === 1) {
    descriptor = entries[0];
  } else if (
    // Unnamed per-platform manifests (what `docker save` and buildx exports list) are one image.
    entries.length > 1 && refNames(entries).length === 0 && entries.every((entry) => isImageManifest(entry.mediaType) && entry.platform !== void 0)
  ) {
    descriptor = pickPlatform(reference, entries, selection);
  } else {
    const names = refNames(entries);
    throw new UserError(
      entries.length === 0 ? `image ${reference}: it holds no image` : `image ${reference}: it holds ${entries.length} images; name one (${how}:NAME)${names.length > 0 ? `, one of: ${names.join(", ")}` : ""}`
    );
  }
  return resolveDescriptor(reference, store, descriptor, selection);
}
function refNames(entries) {
  return entries.map((entry) => entry.annotations?.[refNameAnnotation]).filter((name) => name !== void 0);
}
async function resolveDescriptor(reference, store, start, selection) {
  let descriptor = start;
  for (let depth = 0; depth < 8; depth++) {
    checkDigest(reference, descriptor?.digest);
    const mediaType = typeof descriptor.mediaType === "string" ? descriptor.mediaType : "";
    if (isIndex(mediaType)) {
      const index = await readJson(reference, store, descriptor.digest);
      if (!Array.isArray(index.manifests)) {
        throw new UserError(`image ${reference}: index ${descriptor.digest} has no manifests`);
      }
      descriptor = pickPlatform(reference, index.manifests, selection);
      continue;
    }
    const document = await readJson(reference, store, descriptor.digest);
    if (mediaType === "" && Array.isArray(document.manifests)) {
      descriptor = { ...descriptor, mediaType: document.mediaType ?? mediaTypes.ociIndex };
      continue;
    }
    if (mediaType !== "" && !isImageManifest(mediaType)) {
      throw new UserError(
        `image ${reference}: ${descriptor.digest} is a ${mediaType}, not an image manifest`
      );
    }
    return { digest: descriptor.digest, manifest: document };
  }
  throw new UserError(`image ${reference}: its indexes nest too deep`);
}
function checkDigest(reference, digest) {
  if (typeof digest !== "string" || !digestPattern.test(digest)) {
    throw new UserError(`image ${reference}: '${String(digest)}' is not a sha256 digest`);
  }
}
async function assemble(reference, store, manifestDigest, manifest, selection, close) {
  if (typeof manifest !== "object" || manifest === null || manifest.config === void 0) {
    throw new UserError(
      `image ${reference}: manifest ${manifestDigest} is not an image manifest (schema 2)`
    );
  }
  checkDigest(reference, manifest.config.digest);
  if (!Array.isArray(manifest.layers)) {
    throw new UserError(`image ${reference}: manifest ${manifestDigest} has no layers list`);
  }
  const layers = manifest.layers.map((layer) => {
    checkDigest(reference, layer?.digest);
    return {
      digest: layer.digest,
      size: typeof layer.size === "number" ? layer.size : 0,
      mediaType: typeof layer.mediaType === "string" ? layer.mediaType : ""
    };
  });
  const configBytes = await store.read(manifest.config.digest);
  const config = parseConfig(reference, configBytes, layers.length);
  const platform2 = configPlatform(config);
  if (selection.explicit && platform2 !== void 0 && !platformMatches(selection.wanted, platform2)) {
    throw new UserError(
      `image ${reference} is ${formatPlatform(platform2)}, not ${formatPlatform(selection.wanted)}; leave the platform out or give ${formatPlatform(platform2)}`
    );
  }
  return {
    reference,
    manifestDigest,
    configDigest: manifest.config.digest,
    platform: platform2 === void 0 ? "unknown" : formatPlatform(platform2),
    config,
    layers,
    openLayer: async (index) => {
      const layer = layers[index];
      if (layer === void 0) {
        throw new RangeError(`image ${reference} has ${layers.length} layers, not ${index + 1}`);
      }
      return store.open(layer.digest);
    },
    close
  };
}
function configPlatform(config) {
  if (typeof config.os !== "string" || typeof config.architecture !== "string") return void 0;
  return typeof config.variant === "string" && config.variant !== "" ? { os: config.os, architecture: config.architecture, variant: config.variant } : { os: config.os, architecture: config.architecture };
}
function parseConfig(reference, bytes, layerCount) {
  let parsed;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new UserError(`image ${reference}: its config is not valid JSON`);
  }
  const bad = (what) => {
    throw new UserError(`image ${reference}: its config is malformed (${what})`);
  };
  if (!isObject(parsed)) bad("not a JSON object");
  const config = parsed;
  for (const key of ["architecture", "os", "variant", "created", "author"]) {
    if (config[key] !== void 0 && typeof config[key] !== "string") bad(`${key} is not a string`);
  }
  const rootfs = config.rootfs;
  if (!isObject(rootfs)) bad("it has no rootfs");
  const diffIds = rootfs.diff_ids;
  if (!Array.isArray(diffIds) || diffIds.some((id2) => typeof id2 !== "string" || !digestPattern.test(id2))) {
    bad("rootfs.diff_ids is not a list of sha256 digests");
  }
  if (diffIds.length !== layerCount) {
    throw new UserError(
      `image ${reference}: its config lists ${diffIds.length} rootfs.diff_ids but the image has ${layerCount} layers`
    );
  }
  const run = config.config;
  if (run !== void 0 && run !== null) {
    if (!isObject(run)) bad("config is not an object");
    const fields = run;
    for (const key of ["User", "WorkingDir", "StopSignal"]) {
      if (fields[key] !== void 0 && typeof fields[key] !== "string") {
        bad(`config.${key} is not a string`);
      }
    }
    for (const key of ["Env", "Entrypoint", "Cmd"]) {
      const value = fields[key];
      if (value !== void 0 && value !== null && (!Array.isArray(value) || value.some((item) => typeof item !== "string"))) {
        bad(`config.${key} is not a list of strings`);
      }
    }
    const labels = fields.Labels;
    if (labels !== void 0 && labels !== null && (!isObject(labels) || Object.values(labels).some((value) => typeof value !== "string"))) {
      bad("config.Labels is not a map of strings");
    }
  } else if (run === null) {
    delete config.config;
  }
  if (config.history !== void 0 && config.history !== null && !Array.isArray(config.history)) {
    bad("history is not a list");
  }
  return config;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function splitPathAndName(reference, rest) {
  const colon = rest.indexOf(":");
  const path = colon === -1 ? rest : rest.slice(0, colon);
  const name = colon === -1 ? void 0 : rest.slice(colon + 1);
  if (path === "") throw new UserError(`image ${reference}: give a path after the transport`);
  return { path: resolve(path), ...name !== void 0 && name !== "" && { name } };
}
async function openOciLayout(reference, rest, selection) {
  const { path, name } = splitPathAndName(reference, rest);
  try {
    await fs5.access(join2(path, "index.json"));
  } catch {
    throw new UserError(
      `image ${reference}: ${path} is not an OCI layout (it has no index.json); give the folder that holds oci-layout and index.json`
    );
  }
  const store = {
    read: (digest2) => readBlob(path, digest2),
    open: async (digest2) => {
      const file = blobPath(path, digest2);
      try {
        await fs5.access(file);
      } catch {
        throw new UserError(`image ${reference}: blob ${digest2} is missing from ${path}`);
      }
      return createReadStream3(file, { highWaterMark: 1024 * 1024 });
    }
  };
  const index = await readIndex(path);
  const { digest, manifest } = await resolveFromIndex(
    reference,
    store,
    index,
    name,
    selection,
    `oci:${path}`
  );
  return assemble(reference, store, digest, manifest, selection, () => Promise.resolve());
}
async function indexArchive(reference, file, workDir) {
  let head;
  try {
    const handle = await fs5.open(file, "r");
    try {
      head = Buffer.alloc(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error2) {
    throw new UserError(`image ${reference}: cannot read ${file}: ${messageOf(error2)}`);
  }
  let tar = file;
  let temporary;
  if (head[0] === 31 && head[1] === 139) {
    await fs5.mkdir(workDir, { recursive: true });
    temporary = join2(workDir, `archive-${randomBytes2(6).toString("hex")}.tar`);
    try {
      await streamToNewFile(
        temporary,
        (sink) => pipeline(createReadStream3(file), createGunzip(), sink)
      );
    } catch (error2) {
      await fs5.rm(temporary, { force: true });
      throw new UserError(
        `image ${reference}: ${file} is not a valid gzip-compressed tar (${messageOf(error2)})`
      );
    }
    tar = temporary;
  }
  try {
    const entries = await listTar(reference, tar);
    return { file: tar, entries, ...temporary !== void 0 && { temporary } };
  } catch (error2) {
    if (temporary !== void 0) await fs5.rm(temporary, { force: true });
    throw error2;
  }
}
async function listTar(reference, file) {
  const entries = /* @__PURE__ */ new Map();
  const extract = import_tar_stream.default.extract();
  const source = createReadStream3(file, { highWaterMark: 1024 * 1024 });
  let failure;
  source.on("error", (error2) => {
    failure ??= error2;
    extract.destroy(error2);
  });
  extract.on("error", (error2) => {
    failure ??= error2;
  });
  source.pipe(extract);
  try {
    for await (const entry of extract) {
      const name = normalizeEntryName(entry.header.name);
      entries.set(name, {
        type: entry.header.type,
        linkname: entry.header.linkname ?? "",
        start: entry.offset + 512,
        size: entry.header.size ?? 0
      });
      entry.resume();
    }
  } catch (error2) {
    failure ??= error2 instanceof Error ? error2 : new Error(String(error2));
  } finally {
    source.destroy();
  }
  if (failure !== void 0) {
    throw new UserError(`image ${reference}: ${file} is not a valid tar (${failure.message})`);
  }
  if (entries.size === 0) {
    throw new UserError(`image ${reference}: ${file} is not a tar archive: it holds no entries`);
  }
  return entries;
}
function normalizeEntryName(name) {
  const normalized = posix.normalize(`/${name}`).replace(/^\/+/, "").replace(/\/+$/, "");
  return normalized === "." ? "" : normalized;
}
function findEntry(reference, archive, path, what) {
  let name = normalizeEntryName(path);
  for (let hops = 0; hops < 16; hops++) {
    const entry = archive.entries.get(name);
    if (entry === void 0) return void 0;
    if (entry.type === "file" || entry.type === "contiguous-file") return entry;
    if (entry.type === "symlink") {
      name = entry.linkname.startsWith("/") ? normalizeEntryName(entry.linkname) : normalizeEntryName(posix.join(posix.dirname(name), entry.linkname));
      continue;
    }
    if (entry.type === "link") {
      name = normalizeEntryName(entry.linkname);
      continue;
    }
    throw new UserError(`image ${reference}: ${what} ${path} is a ${entry.type}, not a file`);
  }
  throw new UserError(`image ${reference}: ${what} ${path} is a link loop`);
}
function openEntry(archive, entry) {
  if (entry.size === 0) return Readable2.from([]);
  return createReadStream3(archive.file, {
    start: entry.start,
    end: entry.start + entry.size - 1,
    highWaterMark: 1024 * 1024
  });
}
async function readEntry(reference, archive, entry, what) {
  if (entry.size > maxMetadataSize) {
    throw new UserError(`image ${reference}: ${what} is ${entry.size} bytes, too big for metadata`);
  }
  if (entry.size === 0) return Buffer.alloc(0);
  const handle = await fs5.open(archive.file, "r");
  try {
    const bytes = Buffer.alloc(entry.size);
    const { bytesRead } = await handle.read(bytes, 0, entry.size, entry.start);
    if (bytesRead !== entry.size) {
      throw new UserError(`image ${reference}: the archive is cut short inside ${what}`);
    }
    return bytes;
  } finally {
    await handle.close();
  }
}
function archiveStore(reference, archive) {
  const entryOf = (digest) => {
    checkDigest(reference, digest);
    const entry = findEntry(
      reference,
      archive,
      `blobs/sha256/${digest.slice("sha256:".length)}`,
      "blob"
    );
    if (entry === void 0) throw new UserError(`image ${reference}: blob ${digest} is missing`);
    return entry;
  };
  return {
    read: async (digest) => {
      const bytes = await readEntry(reference, archive, entryOf(digest), `blob ${digest}`);
      const actual = sha256Digest(bytes);
      if (actual !== digest) {
        throw new UserError(
          `image ${reference}: blob ${digest} is corrupt (its bytes hash to ${actual})`
        );
      }
      return bytes;
    },
    open: (digest) => Promise.resolve(openEntry(archive, entryOf(digest)))
  };
}
function removeTemporary(archive) {
  return async () => {
    if (archive.temporary !== void 0) await fs5.rm(archive.temporary, { force: true });
  };
}
async function withArchive(archive, use) {
  try {
    return await use(archive);
  } catch (error2) {
    await removeTemporary(archive)();
    throw error2;
  }
}
async function openOciArchive(reference, rest, selection, workDir) {
  const { path, name } = splitPathAndName(reference, rest);
  const archive = await indexArchive(reference, path, workDir);
  return withArchive(archive, async () => {
    const indexEntry = findEntry(reference, archive, "index.json", "index.json");
    if (indexEntry === void 0) {
      throw new UserError(
        `image ${reference}: ${path} is not an OCI archive (it has no index.json)${archive.entries.has("manifest.json") ? "; it is a docker save archive: give docker-archive:" + path : ""}`
      );
    }
    const index = parseJson(
      reference,
      await readEntry(reference, archive, indexEntry, "index.json"),
      "index.json"
    );
    const store = archiveStore(reference, archive);
    const { digest, manifest } = await resolveFromIndex(
      reference,
      store,
      index,
      name,
      selection,
      `oci-archive:${path}`
    );
    return assemble(reference, store, digest, manifest, selection, removeTemporary(archive));
  });
}
function parseJson(reference, bytes, what) {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new UserError(`image ${reference}: ${what} is not valid JSON`);
  }
}
async function openDockerArchive(reference, rest, selection, workDir) {
  const { path, name } = splitPathAndName(reference, rest);
  const archive = await indexArchive(reference, path, workDir);
  return withArchive(archive, async () => {
    const manifestEntry = findEntry(reference, archive, "manifest.json", "manifest.json");
    if (manifestEntry === void 0) {
      throw new UserError(
        `image ${reference}: ${path} is not a docker save archive (it has no manifest.json)${archive.entries.has("index.json") ? "; for an OCI archive give oci-archive:" + path : ""}`
      );
    }
    const images = parseJson(
      reference,
      await readEntry(reference, archive, manifestEntry, "manifest.json"),
      "manifest.json"
    );
    if (!Array.isArray(images) || images.length === 0) {
      throw new UserError(`image ${reference}: manifest.json lists no images`);
    }
    const image = pickDockerImage(reference, images, name);
    if (typeof image.Config !== "string") {
      throw new UserError(`image ${reference}: manifest.json names no Config`);
    }
    if (!Array.isArray(image.Layers) || image.Layers.some((layer) => typeof layer !== "string")) {
      throw new UserError(`image ${reference}: manifest.json has no Layers list`);
    }
    const layerNames = image.Layers;
    const configEntry = findEntry(reference, archive, image.Config, "the image config");
    if (configEntry === void 0) {
      throw new UserError(`image ${reference}: the image config ${image.Config} is missing`);
    }
    const configBytes = await readEntry(reference, archive, configEntry, image.Config);
    const configDigest = sha256Digest(configBytes);
    const named = hexOfName(image.Config);
    if (named !== void 0 && configDigest !== `sha256:${named}`) {
      throw new UserError(
        `image ${reference}: the image config ${image.Config} is corrupt (its bytes hash to ${configDigest})`
      );
    }
    const config = parseConfig(reference, configBytes, layerNames.length);
    const layerEntries = [];
    const layers = [];
    for (const [position, layerName] of layerNames.entries()) {
      const entry = findEntry(reference, archive, layerName, "layer");
      if (entry === void 0) {
        throw new UserError(
          `image ${reference}: layer ${layerName} named in manifest.json is missing from the archive`
        );
      }
      layerEntries.push(entry);
      const magic = await readHead(archive, entry);
      const mediaType = isGzip(magic) ? mediaTypes.ociLayerGzip : isZstd(magic) ? mediaTypes.ociLayerZstd : mediaTypes.ociLayer;
      const hex = hexOfName(layerName);
      const digest = hex !== void 0 ? `sha256:${hex}` : mediaType === mediaTypes.ociLayer ? config.rootfs.diff_ids[position] : await hashEntry(archive, entry);
      layers.push({ digest, size: entry.size, mediaType });
    }
    const manifestDigest = await dockerManifestDigest(reference, archive, configDigest);
    const platform2 = configPlatform(config);
    if (selection.explicit && platform2 !== void 0 && !platformMatches(selection.wanted, platform2)) {
      throw new UserError(
        `image ${reference} is ${formatPlatform(platform2)}, not ${formatPlatform(selection.wanted)}; leave the platform out or give ${formatPlatform(platform2)}`
      );
    }
    return {
      reference,
      manifestDigest,
      configDigest,
      platform: platform2 === void 0 ? "unknown" : formatPlatform(platform2),
      config,
      layers,
      openLayer: (index) => {
        const entry = layerEntries[index];
        if (entry === void 0) {
          return Promise.reject(
            new RangeError(`image ${reference} has ${layers.length} layers, not ${index + 1}`)
          );
        }
        return Promise.resolve(openEntry(archive, entry));
      },
      close: removeTemporary(archive)
    };
  });
}
function pickDockerImage(reference, images, name) {
  const tagsOf = (image) => Array.isArray(image.RepoTags) ? image.RepoTags.filter((tag) => typeof tag === "string") : [];
  const allTags = images.flatMap(tagsOf);
  if (name === void 0) {
    if (images.length === 1) return images[0];
    throw new UserError(
      `image ${reference}: the archive holds ${images.length} images; name one (docker-archive:FILE:NAME or docker-archive:FILE:@INDEX)${allTags.length > 0 ? `, one of: ${allTags.join(", ")}` : ""}`
    );
  }
  if (/^@\d+$/.test(name)) {
    const found2 = images[Number(name.slice(1))];
    if (found2 === void 0) {
      throw new UserError(
        `image ${reference}: the archive holds ${images.length} images, numbered from @0`
      );
    }
    return found2;
  }
  const wanted = canonicalTag(name);
  const found = images.find((image) => tagsOf(image).some((tag) => canonicalTag(tag) === wanted));
  if (found === void 0) {
    throw new UserError(
      `image ${reference}: the archive has no image tagged '${name}'${allTags.length > 0 ? ` (it has: ${allTags.join(", ")})` : ""}`
    );
  }
  return found;
}
function canonicalTag(tag) {
  try {
    return formatReference(parseReference(tag));
  } catch {
    return tag;
  }
}
function hexOfName(name) {
  const normalized = normalizeEntryName(name);
  return /^blobs\/sha256\/([a-f0-9]{64})$/.exec(normalized)?.[1] ?? /^([a-f0-9]{64})\.(?:json|tar)$/.exec(normalized)?.[1];
}
async function readHead(archive, entry) {
  const length = Math.min(4, entry.size);
  if (length === 0) return Buffer.alloc(0);
  const handle = await fs5.open(archive.file, "r");
  try {
    const head = Buffer.alloc(length);
    await handle.read(head, 0, length, entry.start);
    return head;
  } finally {
    await handle.close();
  }
}
async function hashEntry(archive, entry) {
  const hash = createHash3("sha256");
  for await (const chunk of openEntry(archive, entry)) hash.update(chunk);
  return `sha256:${hash.digest("hex")}`;
}
function isGzip(head) {
  return head[0] === 31 && head[1] === 139;
}
function isZstd(head) {
  return head.length >= 4 && head.readUInt32LE(0) === 4247762216;
}
async function dockerManifestDigest(reference, archive, configDigest) {
  const indexEntry = findEntry(reference, archive, "index.json", "index.json");
  if (indexEntry === void 0) return "";
  const store = archiveStore(reference, archive);
  let index;
  try {
    index = JSON.parse(
      (await readEntry(reference, archive, indexEntry, "index.json")).toString("utf8")
    );
  } catch {
    return "";
  }
  const queue = Array.isArray(index.manifests) ? [...index.manifests] : [];
  for (let visited = 0; visited < 64 && queue.length > 0; visited++) {
    const descriptor = queue.shift();
    if (typeof descriptor?.digest !== "string" || !digestPattern.test(descriptor.digest)) continue;
    let document;
    try {
      document = JSON.parse((await store.read(descriptor.digest)).toString("utf8"));
    } catch {
      continue;
    }
    if (Array.isArray(document.manifests)) queue.push(...document.manifests);
    else if (document.config?.digest === configDigest) return descriptor.digest;
  }
  return "";
}
async function openRegistry(reference, text, selection, options) {
  let parsed;
  try {
    parsed = parseReference(text);
  } catch (error2) {
    throw new UserError(
      `image ${reference}: ${messageOf(error2)} (or give oci:DIR, oci-archive:FILE or docker-archive:FILE)`
    );
  }
  const owned = options.client === void 0;
  const client = options.client ?? new RegistryClient({
    ...options.insecureRegistries !== void 0 && {
      insecureRegistries: options.insecureRegistries
    },
    ...options.credentials !== void 0 && { credentials: options.credentials }
  });
  const close = () => {
    if (owned) client.close();
    return Promise.resolve();
  };
  try {
    const store = {
      read: (digest) => client.getBlob(parsed, digest),
      open: (digest) => client.openBlob(parsed, digest)
    };
    const top = await client.getManifest(parsed);
    let current = { bytes: top.bytes, mediaType: bareMediaType(top.mediaType), digest: top.digest };
    for (let depth = 0; ; depth++) {
      if (depth >= 8) throw new UserError(`image ${reference}: its indexes nest too deep`);
      if (isIndex(current.mediaType)) {
        const index = parseJson(reference, current.bytes, "the index");
        if (!Array.isArray(index.manifests)) {
          throw new UserError(`image ${reference}: index ${current.digest} has no manifests`);
        }
        const chosen = pickPlatform(reference, index.manifests, selection);
        checkDigest(reference, chosen.digest);
        const next = await client.getManifest({ ...parsed, digest: chosen.digest });
        current = {
          bytes: next.bytes,
          mediaType: bareMediaType(next.mediaType),
          digest: next.digest
        };
        continue;
      }
      if (!isImageManifest(current.mediaType)) {
        throw new UserError(
          `image ${reference}: the registry sent a ${current.mediaType || "manifest of unknown type"}, not an OCI or Docker schema 2 image manifest`
        );
      }
      break;
    }
    const manifest = parseJson(reference, current.bytes, "the manifest");
    return await assemble(reference, store, current.digest, manifest, selection, close);
  } catch (error2) {
    await close();
    throw error2;
  }
}

// src/oci/layer-walker.ts
import { createHash as createHash4 } from "node:crypto";
import { posix as posix2 } from "node:path";
import { Readable as Readable3, Transform, pipeline as pipeline2 } from "node:stream";
import { createGunzip as createGunzip2 } from "node:zlib";

// node_modules/fzstd/esm/index.mjs
var ab = ArrayBuffer;
var u8 = Uint8Array;
var u16 = Uint16Array;
var i16 = Int16Array;
var i32 = Int32Array;
var slc = function(v, s, e) {
  if (u8.prototype.slice)
    return u8.prototype.slice.call(v, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  var n = new u8(e - s);
  n.set(v.subarray(s, e));
  return n;
};
var fill = function(v, n, s, e) {
  if (u8.prototype.fill)
    return u8.prototype.fill.call(v, n, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  for (; s < e; ++s)
    v[s] = n;
  return v;
};
var cpw = function(v, t, s, e) {
  if (u8.prototype.copyWithin)
    return u8.prototype.copyWithin.call(v, t, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  while (s < e) {
    v[t++] = v[s++];
  }
};
var ec = [
  "invalid zstd data",
  "window size too large (>2046MB)",
  "invalid block type",
  "FSE accuracy too high",
  "match distance too far back",
  "unexpected EOF"
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var rb = function(d, b, n) {
  var i = 0, o = 0;
  for (; i < n; ++i)
    o |= d[b++] << (i << 3);
  return o;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var rzfh = function(dat, w) {
  var n3 = dat[0] | dat[1] << 8 | dat[2] << 16;
  if (n3 == 3126568 && dat[3] == 253) {
    var flg = dat[4];
    var ss = flg >> 5 & 1, cc = flg >> 2 & 1, df = flg & 3, fcf = flg >> 6;
    if (flg & 8)
      err(0);
    var bt = 6 - ss;
    var db = df == 3 ? 4 : df;
    var di = rb(dat, bt, db);
    bt += db;
    var fsb = fcf ? 1 << fcf : ss;
    var fss = rb(dat, bt, fsb) + (fcf == 1 && 256);
    var ws = fss;
    if (!ss) {
      var wb = 1 << 10 + (dat[5] >> 3);
      ws = wb + (wb >> 3) * (dat[5] & 7);
    }
    if (ws > 2145386496)
      err(1);
    var buf = new u8((w == 1 ? fss || ws : w ? 0 : ws) + 12);
    buf[0] = 1, buf[4] = 4, buf[8] = 8;
    return {
      b: bt + fsb,
      y: 0,
      l: 0,
      d: di,
      w: w && w != 1 ? w : buf.subarray(12),
      e: ws,
      o: new i32(buf.buffer, 0, 3),
      u: fss,
      c: cc,
      m: Math.min(131072, ws)
    };
  } else if ((n3 >> 4 | dat[3] << 20) == 25481893) {
    return b4(dat, 4) + 8;
  }
  err(0);
};
var msb = function(val) {
  var bits = 0;
  for (; 1 << bits <= val; ++bits)
    ;
  return bits - 1;
};
var rfse = function(dat, bt, mal) {
  var tpos = (bt << 3) + 4;
  var al = (dat[bt] & 15) + 5;
  if (al > mal)
    err(3);
  var sz = 1 << al;
  var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
  var buf = new ab(512 + (sz << 2));
  var freq = new i16(buf, 0, 256);
  var dstate = new u16(buf, 0, 256);
  var nstate = new u16(buf, 512, sz);
  var bb1 = 512 + (sz << 1);
  var syms = new u8(buf, bb1, sz);
  var nbits = new u8(buf, bb1 + sz);
  while (sym < 255 && probs > 0) {
    var bits = msb(probs + 1);
    var cbt = tpos >> 3;
    var msk = (1 << bits + 1) - 1;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (tpos & 7) & msk;
    var msk1fb = (1 << bits) - 1;
    var msv = msk - probs - 1;
    var sval = val & msk1fb;
    if (sval < msv)
      tpos += bits, val = sval;
    else {
      tpos += bits + 1;
      if (val > msk1fb)
        val -= msv;
    }
    freq[++sym] = --val;
    if (val == -1) {
      probs += val;
      syms[--ht] = sym;
    } else
      probs -= val;
    if (!val) {
      do {
        var rbt = tpos >> 3;
        re = (dat[rbt] | dat[rbt + 1] << 8) >> (tpos & 7) & 3;
        tpos += 2;
        sym += re;
      } while (re == 3);
    }
  }
  if (sym > 255 || probs)
    err(0);
  var sympos = 0;
  var sstep = (sz >> 1) + (sz >> 3) + 3;
  var smask = sz - 1;
  for (var s = 0; s <= sym; ++s) {
    var sf = freq[s];
    if (sf < 1) {
      dstate[s] = -sf;
      continue;
    }
    for (i = 0; i < sf; ++i) {
      syms[sympos] = s;
      do {
        sympos = sympos + sstep & smask;
      } while (sympos >= ht);
    }
  }
  if (sympos)
    err(0);
  for (i = 0; i < sz; ++i) {
    var ns = dstate[syms[i]]++;
    var nb = nbits[i] = al - msb(ns);
    nstate[i] = (ns << nb) - sz;
  }
  return [tpos + 7 >> 3, {
    b: al,
    s: syms,
    n: nbits,
    t: nstate
  }];
};
var rhu = function(dat, bt) {
  var i = 0, wc = -1;
  var buf = new u8(292), hb = dat[bt];
  var hw = buf.subarray(0, 256);
  var rc = buf.subarray(256, 268);
  var ri = new u16(buf.buffer, 268);
  if (hb < 128) {
    var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
    bt += hb;
    var epos = ebt << 3;
    var lb = dat[bt];
    if (!lb)
      err(0);
    var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
    var fpos = (++bt << 3) - 8 + msb(lb);
    for (; ; ) {
      fpos -= btr1;
      if (fpos < epos)
        break;
      var cbt = fpos >> 3;
      st1 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr1) - 1;
      hw[++wc] = fdt.s[st1];
      fpos -= btr2;
      if (fpos < epos)
        break;
      cbt = fpos >> 3;
      st2 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr2) - 1;
      hw[++wc] = fdt.s[st2];
      btr1 = fdt.n[st1];
      st1 = fdt.t[st1];
      btr2 = fdt.n[st2];
      st2 = fdt.t[st2];
    }
    if (++wc > 255)
      err(0);
  } else {
    wc = hb - 127;
    for (; i < wc; i += 2) {
      var byte = dat[++bt];
      hw[i] = byte >> 4;
      hw[i + 1] = byte & 15;
    }
    ++bt;
  }
  var wes = 0;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    if (wt > 11)
      err(0);
    wes += wt && 1 << wt - 1;
  }
  var mb = msb(wes) + 1;
  var ts = 1 << mb;
  var rem = ts - wes;
  if (rem & rem - 1)
    err(0);
  hw[wc++] = msb(rem) + 1;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    ++rc[hw[i] = wt && mb + 1 - wt];
  }
  var hbuf = new u8(ts << 1);
  var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
  ri[mb] = 0;
  for (i = mb; i > 0; --i) {
    var pv = ri[i];
    fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << mb - i));
  }
  if (ri[0] != ts)
    err(0);
  for (i = 0; i < wc; ++i) {
    var bits = hw[i];
    if (bits) {
      var code = ri[bits];
      fill(syms, i, code, ri[bits] = code + (1 << mb - bits));
    }
  }
  return [bt, {
    n: nb,
    b: mb,
    s: syms
  }];
};
var dllt = rfse(/* @__PURE__ */ new u8([
  81,
  16,
  99,
  140,
  49,
  198,
  24,
  99,
  12,
  33,
  196,
  24,
  99,
  102,
  102,
  134,
  70,
  146,
  4
]), 0, 6)[1];
var dmlt = rfse(/* @__PURE__ */ new u8([
  33,
  20,
  196,
  24,
  99,
  140,
  33,
  132,
  16,
  66,
  8,
  33,
  132,
  16,
  66,
  8,
  33,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  36,
  9
]), 0, 6)[1];
var doct = rfse(/* @__PURE__ */ new u8([
  32,
  132,
  16,
  66,
  102,
  70,
  68,
  68,
  68,
  68,
  36,
  73,
  2
]), 0, 5)[1];
var b2bl = function(b, s) {
  var len = b.length, bl = new i32(len);
  for (var i = 0; i < len; ++i) {
    bl[i] = s;
    s += 1 << b[i];
  }
  return bl;
};
var llb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  134678020,
  202050057,
  269422093
])).buffer, 0, 36);
var llbl = /* @__PURE__ */ b2bl(llb, 0);
var mlb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  117769220,
  185207048,
  252579084,
  16
])).buffer, 0, 53);
var mlbl = /* @__PURE__ */ b2bl(mlb, 3);
var dhu = function(dat, out, hu) {
  var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
  if (!lb)
    err(0);
  var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
  for (; pos > eb && i < ss; ) {
    var cbt = pos >> 3;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (pos & 7);
    st = (st << btr | val) & msk;
    out[++i] = hu.s[st];
    pos -= btr = hu.n[st];
  }
  if (pos != eb || i + 1 != ss)
    err(0);
};
var dhu4 = function(dat, out, hu) {
  var bt = 6;
  var ss = out.length, sz1 = ss + 3 >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
  dhu(dat.subarray(bt, bt += dat[0] | dat[1] << 8), out.subarray(0, sz1), hu);
  dhu(dat.subarray(bt, bt += dat[2] | dat[3] << 8), out.subarray(sz1, sz2), hu);
  dhu(dat.subarray(bt, bt += dat[4] | dat[5] << 8), out.subarray(sz2, sz3), hu);
  dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
var rzb = function(dat, st, out) {
  var _a;
  var bt = st.b;
  var b0 = dat[bt], btype = b0 >> 1 & 3;
  st.l = b0 & 1;
  var sz = b0 >> 3 | dat[bt + 1] << 5 | dat[bt + 2] << 13;
  var ebt = (bt += 3) + sz;
  if (btype == 1) {
    if (bt >= dat.length)
      return;
    st.b = bt + 1;
    if (out) {
      fill(out, dat[bt], st.y, st.y += sz);
      return out;
    }
    return fill(new u8(sz), dat[bt]);
  }
  if (ebt > dat.length)
    return;
  if (btype == 0) {
    st.b = ebt;
    if (out) {
      out.set(dat.subarray(bt, ebt), st.y);
      st.y += sz;
      return out;
    }
    return slc(dat, bt, ebt);
  }
  if (btype == 2) {
    var b3 = dat[bt], lbt = b3 & 3, sf = b3 >> 2 & 3;
    var lss = b3 >> 4, lcs = 0, s4 = 0;
    if (lbt < 2) {
      if (sf & 1)
        lss |= dat[++bt] << 4 | (sf & 2 && dat[++bt] << 12);
      else
        lss = b3 >> 3;
    } else {
      s4 = sf;
      if (sf < 2)
        lss |= (dat[++bt] & 63) << 4, lcs = dat[bt] >> 6 | dat[++bt] << 2;
      else if (sf == 2)
        lss |= dat[++bt] << 4 | (dat[++bt] & 3) << 12, lcs = dat[bt] >> 2 | dat[++bt] << 6;
      else
        lss |= dat[++bt] << 4 | (dat[++bt] & 63) << 12, lcs = dat[bt] >> 6 | dat[++bt] << 2 | dat[++bt] << 10;
    }
    ++bt;
    var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
    var spl = buf.length - lss;
    if (lbt == 0)
      buf.set(dat.subarray(bt, bt += lss), spl);
    else if (lbt == 1)
      fill(buf, dat[bt++], spl);
    else {
      var hu = st.h;
      if (lbt == 2) {
        var hud = rhu(dat, bt);
        lcs += bt - (bt = hud[0]);
        st.h = hu = hud[1];
      } else if (!hu)
        err(0);
      (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
    }
    var ns = dat[bt++];
    if (ns) {
      if (ns == 255)
        ns = (dat[bt++] | dat[bt++] << 8) + 32512;
      else if (ns > 127)
        ns = ns - 128 << 8 | dat[bt++];
      var scm = dat[bt++];
      if (scm & 3)
        err(0);
      var dts = [dmlt, doct, dllt];
      for (var i = 2; i > -1; --i) {
        var md = scm >> (i << 1) + 2 & 3;
        if (md == 1) {
          var rbuf = new u8([0, 0, dat[bt++]]);
          dts[i] = {
            s: rbuf.subarray(2, 3),
            n: rbuf.subarray(0, 1),
            t: new u16(rbuf.buffer, 0, 1),
            b: 0
          };
        } else if (md == 2) {
          _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
        } else if (md == 3) {
          if (!st.t)
            err(0);
          dts[i] = st.t[i];
        }
      }
      var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
      var lb = dat[ebt - 1];
      if (!lb)
        err(0);
      var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
      var lst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << llt.b) - 1;
      cbt = (spos -= oct.b) >> 3;
      var ost = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << oct.b) - 1;
      cbt = (spos -= mlt.b) >> 3;
      var mst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mlt.b) - 1;
      for (++ns; --ns; ) {
        var llc = llt.s[lst];
        var lbtr = llt.n[lst];
        var mlc = mlt.s[mst];
        var mbtr = mlt.n[mst];
        var ofc = oct.s[ost];
        var obtr = oct.n[ost];
        cbt = (spos -= ofc) >> 3;
        var ofp = 1 << ofc;
        var off = ofp + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16 | dat[cbt + 3] << 24) >>> (spos & 7) & ofp - 1);
        cbt = (spos -= mlb[mlc]) >> 3;
        var ml = mlbl[mlc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << mlb[mlc]) - 1);
        cbt = (spos -= llb[llc]) >> 3;
        var ll = llbl[llc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << llb[llc]) - 1);
        cbt = (spos -= lbtr) >> 3;
        lst = llt.t[lst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << lbtr) - 1);
        cbt = (spos -= mbtr) >> 3;
        mst = mlt.t[mst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mbtr) - 1);
        cbt = (spos -= obtr) >> 3;
        ost = oct.t[ost] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << obtr) - 1);
        if (off > 3) {
          st.o[2] = st.o[1];
          st.o[1] = st.o[0];
          st.o[0] = off -= 3;
        } else {
          var idx = off - (ll != 0);
          if (idx) {
            off = idx == 3 ? st.o[0] - 1 : st.o[idx];
            if (idx > 1)
              st.o[2] = st.o[1];
            st.o[1] = st.o[0];
            st.o[0] = off;
          } else
            off = st.o[0];
        }
        for (var i = 0; i < ll; ++i) {
          buf[oubt + i] = buf[spl + i];
        }
        oubt += ll, spl += ll;
        var stin = oubt - off;
        if (stin < 0) {
          var len = -stin;
          var bs = st.e + stin;
          if (len > ml)
            len = ml;
          for (var i = 0; i < len; ++i) {
            buf[oubt + i] = st.w[bs + i];
          }
          oubt += len, ml -= len, stin = 0;
        }
        for (var i = 0; i < ml; ++i) {
          buf[oubt + i] = buf[stin + i];
        }
        oubt += ml;
      }
      if (oubt != spl) {
        while (spl < buf.length) {
          buf[oubt++] = buf[spl++];
        }
      } else
        oubt = buf.length;
      if (out)
        st.y += oubt;
      else
        buf = slc(buf, 0, oubt);
    } else if (out) {
      st.y += lss;
      if (spl) {
        for (var i = 0; i < lss; ++i) {
          buf[i] = buf[spl + i];
        }
      }
    } else if (spl)
      buf = slc(buf, spl);
    st.b = ebt;
    return buf;
  }
  err(2);
};
var cct = function(bufs, ol) {
  if (bufs.length == 1)
    return bufs[0];
  var buf = new u8(ol);
  for (var i = 0, b = 0; i < bufs.length; ++i) {
    var chk = bufs[i];
    buf.set(chk, b);
    b += chk.length;
  }
  return buf;
};
var Decompress = /* @__PURE__ */ (function() {
  function Decompress2(ondata) {
    this.ondata = ondata;
    this.c = [];
    this.l = 0;
    this.z = 0;
  }
  Decompress2.prototype.push = function(chunk, final) {
    if (typeof this.s == "number") {
      var sub = Math.min(chunk.length, this.s);
      chunk = chunk.subarray(sub);
      this.s -= sub;
    }
    var sl = chunk.length;
    var ncs = sl + this.l;
    if (!this.s) {
      if (final) {
        if (!ncs) {
          this.ondata(new u8(0), true);
          return;
        }
        if (ncs < 5)
          err(5);
      } else if (ncs < 18) {
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (typeof (this.s = rzfh(chunk)) == "number")
        return this.push(chunk, final);
    }
    if (typeof this.s != "number") {
      if (ncs < (this.z || 3)) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (!this.z && ncs < (this.z = chunk[this.s.b] & 2 ? 4 : 3 + (chunk[this.s.b] >> 3 | chunk[this.s.b + 1] << 5 | chunk[this.s.b + 2] << 13))) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      } else
        this.z = 0;
      for (; ; ) {
        var blk = rzb(chunk, this.s);
        if (!blk) {
          if (final)
            err(5);
          var adc = chunk.subarray(this.s.b);
          this.s.b = 0;
          this.c.push(adc), this.l += adc.length;
          return;
        } else {
          this.ondata(blk, false);
          cpw(this.s.w, 0, blk.length);
          this.s.w.set(blk, this.s.w.length - blk.length);
        }
        if (this.s.l) {
          var rest = chunk.subarray(this.s.b);
          this.s = this.s.c * 4;
          this.push(rest, final);
          return;
        }
      }
    } else if (final)
      err(5);
  };
  return Decompress2;
})();

// src/oci/layer-walker.ts
var import_tar_stream2 = __toESM(require_tar_stream(), 1);
var defaultMaxContentBytes = 1024 * 1024;
var maxLinkHops = 40;
var whiteoutPrefix = ".wh.";
var opaqueMarker = ".wh..wh..opq";
async function walkLayers(source, options) {
  const tree = new MergedTree();
  const maxContentBytes = options.maxContentBytes ?? defaultMaxContentBytes;
  const diffIds = source.config.rootfs.diff_ids;
  for (const [index, layer] of source.layers.entries()) {
    const expected = diffIds[index];
    const what = `image ${source.reference}: layer ${index + 1} of ${source.layers.length} (${layer.digest})`;
    const raw = await source.openLayer(index);
    const { change, diffId } = await readLayer(raw, what, options.keepContent, maxContentBytes);
    if (diffId !== expected) {
      throw new UserError(
        `${what} does not match the image config: its content hashes to ${diffId}, rootfs.diff_ids[${index}] is ${String(expected)}; the image is corrupt, rebuild or re-pull it`
      );
    }
    tree.apply(change);
  }
  return { entries: tree.entries, content: tree.content };
}
function resolvePath(filesystem, path) {
  const real = realPath(filesystem, path);
  return real === void 0 ? void 0 : filesystem.entries.get(real);
}
function realPath(filesystem, path) {
  let pending = splitPath(path);
  let resolved = [];
  let hops = 0;
  while (pending.length > 0) {
    const component = pending.shift();
    if (component === "..") {
      resolved.pop();
      continue;
    }
    const candidate = [...resolved, component].join("/");
    const entry = filesystem.entries.get(candidate);
    if (entry === void 0) return void 0;
    if (entry.type === "symlink") {
      if (++hops > maxLinkHops) return void 0;
      const target = entry.linkname ?? "";
      if (target.startsWith("/")) resolved = [];
      pending = [...splitPath(target), ...pending];
      continue;
    }
    if (entry.type === "hardlink" && entry.linkname !== void 0) {
      const target = filesystem.entries.get(entry.linkname);
      if (target !== void 0) {
        if (++hops > maxLinkHops) return void 0;
        resolved = [];
        pending = [...splitPath(entry.linkname), ...pending];
        continue;
      }
    }
    if (pending.length > 0 && entry.type !== "directory") return void 0;
    resolved.push(component);
  }
  return resolved.length === 0 ? void 0 : resolved.join("/");
}
function splitPath(path) {
  return path.split("/").filter((part) => part !== "" && part !== ".");
}
function normalizeLayerPath(name) {
  const normalized = posix2.normalize(`/${name}`);
  return normalized === "/" ? "" : normalized.replace(/^\/+/, "").replace(/\/+$/, "");
}
async function readLayer(raw, what, keepContent, maxContentBytes) {
  const change = { opaque: [], whiteouts: [], added: [] };
  const hash = createHash4("sha256");
  const extract = import_tar_stream2.default.extract();
  let tarError;
  const parsed = new Promise((resolve2, reject) => {
    extract.on("entry", (header2, body, next) => {
      body.on("error", () => void 0);
      try {
        const kept = onEntry(change, header2, keepContent, maxContentBytes);
        if (kept === void 0) {
          body.on("end", () => next());
          body.resume();
          return;
        }
        const chunks = [];
        body.on("data", (chunk) => chunks.push(chunk));
        body.on("end", () => {
          kept.body = Buffer.concat(chunks);
          next();
        });
      } catch (error2) {
        next(error2 instanceof Error ? error2 : new Error(String(error2)));
      }
    });
    extract.on("finish", () => resolve2());
    extract.on("error", (error2) => {
      tarError ??= error2;
      reject(error2);
    });
  });
  parsed.catch(() => void 0);
  let input2;
  let compression = "plain";
  try {
    const sniffed = await sniff(raw);
    compression = sniffed.compression;
    input2 = sniffed.stream;
    for await (const chunk of input2) {
      const bytes = chunk;
      hash.update(bytes);
      if (!extract.write(bytes)) {
        await Promise.race([
          new Promise((resolve2) => extract.once("drain", () => resolve2())),
          parsed
        ]);
      }
      if (tarError !== void 0) break;
    }
    if (tarError === void 0) extract.end(null);
    await parsed;
  } catch (error2) {
    raw.destroy();
    extract.destroy();
    if (error2 instanceof UserError) throw error2;
    if (tarError !== void 0) {
      throw new UserError(`${what} is not a valid tar (${tarError.message})`);
    }
    const code = error2.code;
    if (compression !== "plain" && (typeof code === "string" || typeof code === "number")) {
      throw new UserError(`${what} is not valid ${compression} (${messageOf(error2)})`);
    }
    throw new UserError(`${what} could not be read: ${messageOf(error2)}`);
  }
  return { change, diffId: `sha256:${hash.digest("hex")}` };
}
function onEntry(change, header2, keepContent, maxContentBytes) {
  const path = normalizeLayerPath(header2.name);
  if (path === "") return void 0;
  const slash = path.lastIndexOf("/");
  const directory = slash === -1 ? "" : path.slice(0, slash);
  const base = path.slice(slash + 1);
  if (base.startsWith(whiteoutPrefix)) {
    if (base === opaqueMarker) change.opaque.push(directory);
    else if (!base.startsWith(`${whiteoutPrefix}${whiteoutPrefix}`)) {
      const name = base.slice(whiteoutPrefix.length);
      if (name !== "" && name !== "." && name !== "..") {
        change.whiteouts.push(directory === "" ? name : `${directory}/${name}`);
      }
    }
    return void 0;
  }
  const type = entryType(header2.type);
  const entry = {
    type,
    mode: (header2.mode ?? 0) & 4095,
    uid: header2.uid ?? 0,
    gid: header2.gid ?? 0,
    size: type === "file" ? header2.size ?? 0 : 0
  };
  if (type === "symlink") entry.linkname = header2.linkname ?? "";
  if (type === "hardlink") entry.linkname = normalizeLayerPath(header2.linkname ?? "");
  const record = { path, entry };
  change.added.push(record);
  if (type === "file" && entry.size <= maxContentBytes && keepContent(path)) return record;
  return void 0;
}
function entryType(type) {
  switch (type) {
    case "file":
    case "contiguous-file":
      return "file";
    case "directory":
      return "directory";
    case "symlink":
      return "symlink";
    case "link":
      return "hardlink";
    default:
      return "other";
  }
}
async function sniff(raw) {
  const iterator = raw[Symbol.asyncIterator]();
  const head = [];
  let length = 0;
  let ended = false;
  while (length < 4 && !ended) {
    const next = await iterator.next();
    if (next.done === true) ended = true;
    else {
      head.push(next.value);
      length += next.value.length;
    }
  }
  const prefix = Buffer.concat(head);
  async function* bytes() {
    if (prefix.length > 0) yield prefix;
    if (ended) return;
    for (; ; ) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  if (prefix[0] === 31 && prefix[1] === 139) {
    const gunzip = createGunzip2({ chunkSize: 128 * 1024 });
    return {
      compression: "gzip",
      stream: pipeline2(Readable3.from(bytes()), gunzip, () => void 0)
    };
  }
  if (prefix.length >= 4 && prefix.readUInt32LE(0) === 4247762216) {
    return {
      compression: "zstd",
      stream: pipeline2(Readable3.from(bytes()), zstdDecompressor(), () => void 0)
    };
  }
  return { compression: "plain", stream: bytes() };
}
function zstdDecompressor() {
  let decompress;
  return new Transform({
    transform(chunk, _encoding, done) {
      try {
        decompress ??= new Decompress((data) => {
          if (data.length > 0) this.push(Buffer.from(data.buffer, data.byteOffset, data.length));
        });
        decompress.push(chunk);
        done();
      } catch (error2) {
        done(zstdError(error2));
      }
    },
    flush(done) {
      try {
        decompress?.push(new Uint8Array(0), true);
        done();
      } catch (error2) {
        done(zstdError(error2));
      }
    }
  });
}
function zstdError(error2) {
  const wrapped = new Error(messageOf(error2));
  wrapped.code = "ZSTD_ERROR";
  return wrapped;
}
var MergedTree = class {
  entries = /* @__PURE__ */ new Map();
  content = /* @__PURE__ */ new Map();
  /** Directory path ('' is the root) → the names of its children in `entries`. */
  children = /* @__PURE__ */ new Map();
  /**
   * One layer: its opaque directories lose their lower children, its whiteouts delete lower
   * paths with their subtrees, then its own entries go in (its whiteouts never touch them).
   */
  apply(change) {
    for (const directory of change.opaque) {
      const names = this.children.get(directory);
      if (names === void 0) continue;
      for (const name of [...names]) this.remove(directory === "" ? name : `${directory}/${name}`);
    }
    for (const path of change.whiteouts) this.remove(path);
    for (const { path, entry, body } of change.added) this.insert(path, entry, body);
  }
  insert(path, entry, body) {
    const existing = this.entries.get(path);
    if (existing !== void 0) {
      if (!(existing.type === "directory" && entry.type === "directory")) this.remove(path);
    }
    this.ensureParents(path);
    if (entry.type === "hardlink" && entry.linkname !== void 0) {
      const target = this.entries.get(entry.linkname);
      if (target !== void 0) entry.size = target.size;
      const targetBody = this.content.get(entry.linkname);
      if (body === void 0 && targetBody !== void 0) body = targetBody;
    }
    this.entries.set(path, entry);
    this.link(path);
    if (body !== void 0) this.content.set(path, body);
    else this.content.delete(path);
  }
  /** Parents a tar leaves implicit exist as directories, as an extractor would create them. */
  ensureParents(path) {
    let slash = path.indexOf("/");
    while (slash !== -1) {
      const parent = path.slice(0, slash);
      const existing = this.entries.get(parent);
      if (existing === void 0 || existing.type !== "directory") {
        if (existing !== void 0) this.remove(parent);
        this.entries.set(parent, { type: "directory", mode: 493, uid: 0, gid: 0, size: 0 });
        this.link(parent);
      }
      slash = path.indexOf("/", slash + 1);
    }
  }
  link(path) {
    const slash = path.lastIndexOf("/");
    const parent = slash === -1 ? "" : path.slice(0, slash);
    let names = this.children.get(parent);
    if (names === void 0) {
      names = /* @__PURE__ */ new Set();
      this.children.set(parent, names);
    }
    names.add(slash === -1 ? path : path.slice(slash + 1));
  }
  /** Deletes a path and everything under it. */
  remove(path) {
    if (!this.entries.has(path)) return;
    const stack = [path];
    while (stack.length > 0) {
      const current = stack.pop();
      this.entries.delete(current);
      this.content.delete(current);
      const names = this.children.get(current);
      if (names !== void 0) {
        for (const name of names) stack.push(`${current}/${name}`);
        this.children.delete(current);
      }
    }
    const slash = path.lastIndexOf("/");
    this.children.get(slash === -1 ? "" : path.slice(0, slash))?.delete(path.slice(slash + 1));
  }
};

// src/runner/accounts.ts
function parsePasswd(text) {
  const entries = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const fields = line.split(":");
    if (fields.length < 7) continue;
    const uid = Number(fields[2]);
    const gid = Number(fields[3]);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    entries.push({ name: fields[0] ?? "", uid, gid, home: fields[5] ?? "", shell: fields[6] ?? "" });
  }
  return entries;
}
function parseGroup(text) {
  const entries = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const fields = line.split(":");
    if (fields.length < 4) continue;
    const gid = Number(fields[2]);
    if (!Number.isInteger(gid)) continue;
    const members = (fields[3] ?? "").split(",").map((member) => member.trim()).filter((member) => member !== "");
    entries.push({ name: fields[0] ?? "", gid, members });
  }
  return entries;
}
function resolveUser(spec, passwd, groups) {
  const [userPart = "", groupPart] = (spec.trim() === "" ? "root" : spec.trim()).split(":");
  const numeric = /^\d+$/.test(userPart);
  const entry = numeric ? passwd.find((candidate) => candidate.uid === Number(userPart)) : passwd.find((candidate) => candidate.name === userPart);
  const result3 = { spec, groups: [] };
  if (entry === void 0) {
    if (!numeric) {
      result3.problem = `user '${userPart}' is not in /etc/passwd`;
      return result3;
    }
    result3.uid = Number(userPart);
  } else {
    result3.name = entry.name;
    result3.uid = entry.uid;
    result3.gid = entry.gid;
    result3.home = entry.home;
  }
  if (groupPart !== void 0 && groupPart !== "") {
    const group = /^\d+$/.test(groupPart) ? groups.find((candidate) => candidate.gid === Number(groupPart)) : groups.find((candidate) => candidate.name === groupPart);
    if (group === void 0 && !/^\d+$/.test(groupPart)) {
      result3.problem = `group '${groupPart}' is not in /etc/group`;
      return result3;
    }
    result3.gid = group?.gid ?? Number(groupPart);
    result3.groups = [{ name: group?.name ?? groupPart, gid: result3.gid }];
    return result3;
  }
  if (result3.gid !== void 0) {
    const primary = groups.find((candidate) => candidate.gid === result3.gid);
    result3.groups.push({ name: primary?.name ?? String(result3.gid), gid: result3.gid });
  }
  if (result3.name !== void 0) {
    for (const group of groups) {
      if (group.members.includes(result3.name) && !result3.groups.some((g) => g.gid === group.gid)) {
        result3.groups.push({ name: group.name, gid: group.gid });
      }
    }
  }
  return result3;
}
function sudoGrants(files, user, groupNames) {
  const grants = [];
  const aliases = /* @__PURE__ */ new Map();
  const parsed = files.flatMap(
    ({ file, text }) => logicalLines(text).map((line) => ({ file, ...line }))
  );
  for (const { text } of parsed) {
    const alias = /^User_Alias\s+([A-Z][A-Z0-9_]*)\s*=\s*(.+)$/.exec(text);
    if (alias) aliases.set(alias[1], splitList(alias[2]));
  }
  const matches = (who) => {
    const negated = who.startsWith("!");
    if (negated) return false;
    if (who === "ALL" || who === user) return true;
    if (who.startsWith("%")) return groupNames.includes(who.slice(1).replace(/^:/, ""));
    const members = aliases.get(who);
    return members !== void 0 && members.some(matches);
  };
  for (const { file, line, text } of parsed) {
    if (/^(?:Defaults|User_Alias|Runas_Alias|Host_Alias|Cmnd_Alias|Cmd_Alias)\b/.test(text))
      continue;
    if (/^[@#]include/.test(text)) continue;
    const specification = /^(\S+(?:\s*,\s*\S+)*)\s+\S+\s*=\s*(.+)$/.exec(text);
    if (specification === null) continue;
    const users = splitList(specification[1]);
    if (!users.some(matches)) continue;
    grants.push({ file, line, text, noPassword: /\bNOPASSWD\s*:/.test(specification[2]) });
  }
  return grants;
}
function splitList(text) {
  return text.split(",").map((item) => item.trim()).filter((item) => item !== "");
}
function logicalLines(text) {
  const lines = [];
  const raw = text.split("\n");
  for (let index = 0; index < raw.length; index++) {
    let current = raw[index] ?? "";
    const start = index + 1;
    while (current.endsWith("\\") && index + 1 < raw.length) {
      current = `${current.slice(0, -1)} ${raw[++index] ?? ""}`;
    }
    const trimmed = current.trim();
    if (trimmed === "" || trimmed.startsWith("#") && !/^#include/.test(trimmed)) continue;
    lines.push({ line: start, text: trimmed });
  }
  return lines;
}

// src/runner/image-checks/image-check.ts
function keepForChecks(path) {
  return path === "etc/passwd" || path === "etc/group" || path === "etc/shadow" || path === "etc/sudoers" || path.startsWith("etc/sudoers.d/") || path === "etc/subuid" || path === "etc/subgid" || path.endsWith("/.env");
}
function resolveImageUser(image) {
  return resolveUser(
    image.config.User ?? "",
    parsePasswd(image.text("etc/passwd") ?? ""),
    parseGroup(image.text("etc/group") ?? "")
  );
}
function relative(path) {
  return path.replace(/^\/+/, "");
}

// src/runner/checks/check.ts
function checkResult(id2, title3, status, reason, fix, details) {
  return {
    id: id2,
    title: title3,
    status,
    reason,
    ...fix !== void 0 && status !== "pass" && { fix },
    ...details !== void 0 && { details }
  };
}
var defaultPrivilegedGroups = ["root", "wheel", "adm", "admin", "sudo", "disk", "shadow"];

// src/runner/image-checks/entrypoint.ts
var imageEntrypointCheck = {
  id: "entrypoint",
  title: "Entrypoint and command",
  check({ image }) {
    const entrypoint = image.config.Entrypoint ?? [];
    const cmd = image.config.Cmd ?? [];
    const details = { entrypoint, cmd };
    if (entrypoint.length === 0 && cmd.length === 0) {
      return [
        checkResult(
          "entrypoint",
          "Entrypoint and command",
          "warn",
          "no ENTRYPOINT and no CMD",
          'ENTRYPOINT ["/usr/bin/tini", "--"] with CMD ["/home/runner/run.sh"], or what starts your runner',
          details
        )
      ];
    }
    return [
      checkResult(
        "entrypoint",
        "Entrypoint and command",
        "pass",
        `ENTRYPOINT ${JSON.stringify(entrypoint)} CMD ${JSON.stringify(cmd)}`,
        void 0,
        details
      )
    ];
  }
};

// src/runner/checks/groups.ts
function privilegedGroupsFor(expected) {
  return expected.rootless && !expected.privilegedGroups.includes("docker") ? [...expected.privilegedGroups, "docker"] : expected.privilegedGroups;
}
var groupsCheck = {
  id: "groups",
  title: "Privileged groups",
  async check(context) {
    const groups = parseGroup(await context.readFile("/etc/group") ?? "");
    const gids = [.../* @__PURE__ */ new Set([context.gid, ...context.groups])];
    const names = gids.map((gid) => groups.find((group) => group.gid === gid)?.name ?? String(gid));
    const privileged = privilegedGroupsFor(context.expected);
    const found = names.filter((name, index) => privileged.includes(name) || gids[index] === 0);
    const details = { groups: names, privileged };
    if (found.length > 0) {
      return [
        {
          id: "groups",
          title: "Privileged groups",
          status: "fail",
          reason: `member of privileged group${found.length > 1 ? "s" : ""} ${found.join(", ")}`,
          fix: `remove the user from ${found.join(", ")} in the image (gpasswd -d USER GROUP), or change the privileged-groups list if this is intended`,
          details
        }
      ];
    }
    return [
      {
        id: "groups",
        title: "Privileged groups",
        status: "pass",
        reason: `groups: ${names.join(", ")}`,
        details
      }
    ];
  }
};

// src/runner/image-checks/groups.ts
var imageGroupsCheck = {
  id: "groups",
  title: "Privileged groups",
  check({ expected, user }) {
    if (user.uid === void 0) return [];
    const privileged = privilegedGroupsFor(expected);
    const names = user.groups.map((group) => group.name);
    const found = user.groups.filter((group) => privileged.includes(group.name) || group.gid === 0).map((group) => group.name);
    const details = { groups: names, privileged };
    if (found.length > 0) {
      return [
        checkResult(
          "groups",
          "Privileged groups",
          "fail",
          `${user.name ?? user.uid} is in privileged group${found.length > 1 ? "s" : ""} ${found.join(", ")}`,
          `remove the membership in the Dockerfile (gpasswd -d ${user.name ?? "USER"} ${found[0]})`,
          details
        )
      ];
    }
    return [
      checkResult(
        "groups",
        "Privileged groups",
        "pass",
        `groups: ${names.join(", ") || "(none)"}`,
        void 0,
        details
      )
    ];
  }
};

// src/runner/image-checks/home.ts
var imageHomeCheck = {
  id: "home",
  title: "Home directory",
  check({ image, user }) {
    if (user.uid === void 0 || user.home === void 0) return [];
    const home = user.home;
    const entry = image.entry(relative(home));
    const details = { home, owner: entry?.uid ?? null };
    if (entry === void 0 || entry.type !== "directory") {
      return [
        checkResult(
          "home",
          "Home directory",
          "fail",
          `home ${home} does not exist in the image`,
          `useradd --create-home, or install -d -o ${user.uid} ${home}`,
          details
        )
      ];
    }
    if (entry.uid !== user.uid) {
      return [
        checkResult(
          "home",
          "Home directory",
          "fail",
          `home ${home} belongs to uid ${entry.uid}, not ${user.uid}`,
          `chown ${user.uid}:${user.gid ?? user.uid} ${home} in the Dockerfile`,
          details
        )
      ];
    }
    return [
      checkResult(
        "home",
        "Home directory",
        "pass",
        `home ${home} owned by uid ${user.uid}`,
        void 0,
        details
      )
    ];
  }
};

// src/runner/image-checks/identity.ts
var imageIdentityCheck = {
  id: "identity",
  title: "User and UID",
  check({ image, expected, user }) {
    const spec = image.config.User ?? "";
    const details = { configUser: spec, uid: user.uid ?? null, name: user.name ?? null };
    const result3 = (status, reason, fix) => checkResult("identity", "User and UID", status, reason, fix, details);
    const fixUser = `end the Dockerfile with USER ${expected.uid} (numeric, so runAsNonRoot can verify it), the uid of ${expected.user}`;
    if (user.problem !== void 0)
      return [
        result3(
          "fail",
          `USER ${spec}: ${user.problem}`,
          `create it (useradd --uid ${expected.uid} ${expected.user}) before USER`
        )
      ];
    if (spec.trim() === "" || user.uid === 0) {
      return [
        result3(
          "fail",
          spec.trim() === "" ? "no USER: the image runs as root" : `USER ${spec} is root (uid 0)`,
          fixUser
        )
      ];
    }
    if (user.uid !== expected.uid) {
      return [result3("fail", `USER ${spec} is uid ${user.uid}, expected ${expected.uid}`, fixUser)];
    }
    if (user.name !== void 0 && user.name !== expected.user) {
      return [
        result3(
          "fail",
          `uid ${user.uid} is ${user.name} in /etc/passwd, expected ${expected.user}`,
          `rename the user: usermod -l ${expected.user} ${user.name}`
        )
      ];
    }
    if (user.name === void 0) {
      return [
        result3(
          "fail",
          `USER ${spec} has no /etc/passwd entry: HOME, ssh and git misbehave`,
          `useradd --uid ${expected.uid} ${expected.user}`
        )
      ];
    }
    if (!/^\d+(?::\d+)?$/.test(spec.trim())) {
      return [
        result3(
          "warn",
          `USER ${spec} is a name: a pod with runAsNonRoot cannot verify it ("image has non-numeric user") unless runAsUser is set`,
          `USER ${user.uid}`
        )
      ];
    }
    return [result3("pass", `USER ${spec} → ${user.name} (uid ${user.uid})`)];
  }
};

// src/runner/image-checks/path.ts
var imagePathCheck = {
  id: "path",
  title: "PATH",
  check({ image, expected, user }) {
    const value = (image.config.Env ?? []).find((entry) => entry.startsWith("PATH="))?.slice(5);
    if (value === void 0) {
      return [
        checkResult(
          "path",
          "PATH",
          "fail",
          "the image config has no PATH: container jobs and GITHUB_PATH writes then lose it",
          "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin in the Dockerfile"
        )
      ];
    }
    const entries = value.split(":").filter((entry) => entry !== "");
    const home = user.home ?? "";
    const missing = expected.pathDirs.map((dir) => dir.replace(/^~(?=\/|$)/, home)).filter((dir) => !entries.includes(dir));
    const worldWritable = entries.filter((dir) => {
      const entry = image.entry(relative(dir));
      return entry !== void 0 && (entry.mode & 2) !== 0 && (entry.mode & 512) === 0;
    });
    const details = { path: entries, missing, worldWritable };
    const results = [];
    if (missing.length > 0)
      results.push(
        checkResult(
          "path",
          "PATH",
          "fail",
          `PATH lacks ${missing.join(", ")}`,
          `ENV PATH=${[...entries, ...missing].join(":")}`,
          details
        )
      );
    if (worldWritable.length > 0)
      results.push(
        checkResult(
          "path",
          "PATH",
          "fail",
          `world-writable on PATH: ${worldWritable.join(", ")}`,
          `chmod o-w ${worldWritable.join(" ")}`,
          details
        )
      );
    return results.length > 0 ? results : [checkResult("path", "PATH", "pass", `PATH=${value}`, void 0, details)];
  }
};

// src/runner/image-checks/setuid.ts
var defaultSetuidAllowed = [
  "/usr/bin/newuidmap",
  "/usr/bin/newgidmap",
  "/usr/bin/passwd",
  "/usr/bin/chsh",
  "/usr/bin/chfn",
  "/usr/bin/gpasswd",
  "/usr/bin/newgrp",
  "/usr/bin/su",
  "/usr/bin/mount",
  "/usr/bin/umount",
  "/usr/bin/chage",
  "/usr/bin/expiry",
  "/usr/bin/ssh-agent",
  "/usr/bin/wall",
  "/usr/bin/write",
  "/usr/bin/crontab",
  "/usr/sbin/unix_chkpwd",
  "/usr/sbin/pam_extrausers_chkpwd",
  "/usr/lib/openssh/ssh-keysign",
  "/usr/lib/dbus-1.0/dbus-daemon-launch-helper",
  "/usr/libexec/openssh/ssh-keysign"
];
var shells = /(?:^|\/)(?:sh|bash|dash|zsh|ksh|mksh|ash|busybox|fish|csh|tcsh)$/;
var imageSetuidCheck = {
  id: "setuid",
  title: "setuid and setgid files",
  check({ image, setuidAllowed }) {
    const allowed = new Set(
      [...setuidAllowed, "/usr/bin/newuidmap", "/usr/bin/newgidmap"].map(
        (path) => path.replace(/^\/+/, "").replace(/^(bin|sbin|lib)\//, "usr/$1/")
      )
    );
    const setuid = [];
    const setgid = [];
    for (const [path, entry] of image.all()) {
      if (entry.type !== "file" && entry.type !== "hardlink") continue;
      const canonical = path.replace(/^(bin|sbin|lib)\//, "usr/$1/");
      if (allowed.has(canonical)) continue;
      if ((entry.mode & 2048) !== 0) setuid.push(`/${path}`);
      else if ((entry.mode & 1024) !== 0) setgid.push(`/${path}`);
    }
    setuid.sort();
    setgid.sort();
    const details = { setuid, setgid };
    const results = [];
    const shellSizes = new Set(
      ["usr/bin/bash", "usr/bin/dash", "usr/bin/sh", "usr/bin/zsh", "usr/bin/busybox"].map((path) => image.entry(path)).filter((entry) => entry?.type === "file" && entry.size !== void 0 && entry.size > 0).map((entry) => entry?.size)
    );
    const shellsFound = setuid.filter(
      (path) => shells.test(path) || shellSizes.has(image.entry(path.slice(1))?.size)
    );
    if (setuid.length > 0) {
      results.push(
        checkResult(
          "setuid",
          "setuid and setgid files",
          "fail",
          `${shellsFound.length > 0 ? `setuid shell ${shellsFound.join(", ")}; ` : ""}setuid files not allowed: ${setuid.join(", ")}`,
          `chmod u-s them in the Dockerfile, or add them to setuid-allowed if they are needed`,
          details
        )
      );
    }
    if (setgid.length > 0) {
      results.push(
        checkResult(
          "setuid",
          "setuid and setgid files",
          "warn",
          `setgid files not allowed: ${setgid.join(", ")}`,
          "chmod g-s them, or add them to setuid-allowed",
          details
        )
      );
    }
    return results.length > 0 ? results : [
      checkResult(
        "setuid",
        "setuid and setgid files",
        "pass",
        "no setuid or setgid files beyond the allowed ones",
        void 0,
        details
      )
    ];
  }
};

// src/runner/image-checks/sudo.ts
var imageSudoCheck = {
  id: "sudo",
  title: "sudo",
  check({ image, expected, user }) {
    const binary = ["usr/bin/sudo", "bin/sudo", "usr/local/bin/sudo"].find(
      (path) => image.entry(path) !== void 0
    );
    const files = ["etc/sudoers", ...image.keptUnder("etc/sudoers.d/")].map((file) => ({ file: `/${file}`, text: image.text(file) ?? "" })).filter(({ text }) => text !== "");
    const grants = user.name !== void 0 ? sudoGrants(
      files,
      user.name,
      user.groups.map((group) => group.name)
    ) : [];
    const details = { binary: binary !== void 0 ? `/${binary}` : null, grants };
    const remove = "remove sudo (apt-get purge sudo / dnf remove sudo) and its grants from the image";
    if (binary !== void 0 && grants.some((grant) => grant.noPassword)) {
      const grant = grants.find((candidate) => candidate.noPassword);
      return [
        checkResult(
          "sudo",
          "sudo",
          "fail",
          `sudo is installed and ${grant?.file}:${grant?.line} grants ${user.name} root without a password (${grant?.text})`,
          remove,
          details
        )
      ];
    }
    if (binary !== void 0 && grants.length > 0) {
      return [
        checkResult(
          "sudo",
          "sudo",
          "fail",
          `sudo is installed and ${grants[0]?.file}:${grants[0]?.line} grants ${user.name} root (${grants[0]?.text})`,
          remove,
          details
        )
      ];
    }
    if (binary !== void 0) {
      return [
        checkResult(
          "sudo",
          "sudo",
          expected.sudo === "absent" ? "warn" : "pass",
          `sudo is installed; no grant reaches ${user.name ?? "the user"}`,
          remove,
          details
        )
      ];
    }
    if (grants.length > 0) {
      return [
        checkResult(
          "sudo",
          "sudo",
          "warn",
          `no sudo binary, but ${grants[0]?.file}:${grants[0]?.line} grants ${user.name} root: installing sudo later opens it`,
          "remove the grant",
          details
        )
      ];
    }
    return [checkResult("sudo", "sudo", "pass", "no sudo binary and no grant", void 0, details)];
  }
};

// src/runner/image-checks/index.ts
var imageChecks = [
  imageIdentityCheck,
  imageGroupsCheck,
  imageSudoCheck,
  imageHomeCheck,
  imagePathCheck,
  imageSetuidCheck,
  imageEntrypointCheck
];
function runImageChecks(image, expected, setuidAllowed, checks = imageChecks) {
  const context = {
    image,
    expected,
    setuidAllowed: [...setuidAllowed],
    user: resolveImageUser(image)
  };
  return checks.flatMap((check2) => check2.check(context));
}

// src/runner/expectations.ts
function expectationsFrom(inputs) {
  const whole = (name, text, fallback, min = 0) => {
    const value = (text ?? "").trim();
    if (value === "") return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min) {
      throw new UserError(
        `${name}: expected a whole number${min > 0 ? ` ≥ ${min}` : ""}, got '${value}'`
      );
    }
    return Number(value);
  };
  const sudo = (inputs.sudo ?? "").trim() || "denied";
  if (!["absent", "denied", "any"].includes(sudo)) {
    throw new UserError(`sudo: expected absent, denied or any, got '${sudo}'`);
  }
  const podMtu = whole("pod-mtu", inputs.podMtu, void 0, 576);
  return {
    user: (inputs.user ?? "").trim() || "runner",
    uid: whole("expected-uid", inputs.uid, 1e3),
    rootless: inputs.rootless ?? true,
    privilegedGroups: inputs.privilegedGroups !== void 0 && inputs.privilegedGroups.length > 0 ? inputs.privilegedGroups : defaultPrivilegedGroups,
    sudo,
    pathDirs: inputs.pathDirs !== void 0 && inputs.pathDirs.length > 0 ? inputs.pathDirs : ["/usr/local/bin", "/usr/bin", "/bin"],
    ...podMtu !== void 0 && { podMtu },
    mtuMargin: whole("mtu-margin", inputs.mtuMargin, 50)
  };
}

// src/runner/live.ts
import { spawn } from "node:child_process";
import { constants as constants3, promises as fs6 } from "node:fs";

// src/runner/checks/container-engine.ts
var title = "Container engine";
function result(status, reason, fix, details) {
  return checkResult("container-engine", title, status, reason, fix, details);
}
function subordinateRanges(text, user, uid) {
  const ranges = [];
  for (const line of text.split("\n")) {
    const [owner, start, count] = line.trim().split(":");
    if (owner !== user && owner !== String(uid)) continue;
    if (!/^\d+$/.test(start ?? "") || !/^\d+$/.test(count ?? "")) continue;
    ranges.push({ start: Number(start), count: Number(count) });
  }
  return ranges;
}
async function dockerResults(context) {
  const info2 = await context.run("docker", ["info", "--format", "{{json .SecurityOptions}}"]);
  if (info2.code === 127) return [];
  const host = context.env.DOCKER_HOST ?? "unix:///var/run/docker.sock";
  if (info2.code !== 0) {
    return [
      result(
        "warn",
        `docker is installed but no daemon answers at ${host}`,
        "start the daemon (dind sidecar or rootless dockerd) or set DOCKER_HOST",
        { dockerHost: host }
      )
    ];
  }
  const rootless = /name=rootless/.test(info2.stdout);
  if (context.expected.rootless && !rootless) {
    return [
      result(
        "fail",
        `the Docker daemon at ${host} runs as root: any job can become root on it`,
        "run rootless dockerd (dockerd-rootless.sh) as the runner user, or set rootless: false if a privileged dind sidecar is intended",
        { dockerHost: host, rootless }
      )
    ];
  }
  return [
    result("pass", `Docker at ${host}, ${rootless ? "rootless" : "rootful"}`, void 0, {
      dockerHost: host,
      rootless
    })
  ];
}
async function podmanResults(context) {
  const info2 = await context.run("podman", ["info", "--format", "{{.Host.Security.Rootless}}"]);
  if (info2.code === 127) return [];
  if (info2.code !== 0) {
    return [
      result(
        "fail",
        `podman info failed: ${info2.stderr.trim().split("\n").at(-1) ?? ""}`,
        "run podman info in the runner; a missing subuid range or storage driver is the usual cause"
      )
    ];
  }
  const rootless = info2.stdout.trim() === "true";
  if (context.expected.rootless && !rootless) {
    return [
      result("fail", "podman runs as root", "run the runner as its unprivileged user", { rootless })
    ];
  }
  return [result("pass", `podman, ${rootless ? "rootless" : "rootful"}`, void 0, { rootless })];
}
async function rootlessPrerequisites(context) {
  const results = [];
  const name = parsePasswd(await context.readFile("/etc/passwd") ?? "").find(
    (entry) => entry.uid === context.uid
  )?.name ?? String(context.uid);
  for (const file of ["/etc/subuid", "/etc/subgid"]) {
    const ranges = subordinateRanges(await context.readFile(file) ?? "", name, context.uid);
    const total = ranges.reduce((sum, range) => sum + range.count, 0);
    if (total < 65536) {
      results.push(
        result(
          "fail",
          `${file} gives ${name} ${total} ids; rootless engines need 65536 ("No subuid ranges found for user" / "potentially insufficient UIDs or GIDs")`,
          `add '${name}:100000:65536' to ${file} in the image (useradd does it when the file exists)`,
          { file, ranges }
        )
      );
    }
  }
  for (const helper of ["/usr/bin/newuidmap", "/usr/bin/newgidmap"]) {
    const stat2 = await context.stat(helper);
    if (stat2 === void 0) {
      results.push(
        result("fail", `${helper} is missing`, "install the uidmap package in the image")
      );
    } else if ((stat2.mode & 2048) === 0) {
      results.push(
        result(
          "warn",
          `${helper} is not setuid (fine only if it carries file capabilities)`,
          `chmod u+s ${helper}, or setcap cap_setuid+ep ${helper}`
        )
      );
    }
  }
  const maxNamespaces = Number(
    (await context.readFile("/proc/sys/user/max_user_namespaces"))?.trim() ?? "NaN"
  );
  if (maxNamespaces === 0) {
    results.push(
      result(
        "fail",
        'user.max_user_namespaces is 0: rootless engines fail with "no space left on device"',
        "set the sysctl user.max_user_namespaces above 0 on the node"
      )
    );
  }
  const runtimeDir = context.env.XDG_RUNTIME_DIR;
  if (runtimeDir === void 0 || runtimeDir === "") {
    results.push(
      result(
        "warn",
        'XDG_RUNTIME_DIR is not set ("XDG_RUNTIME_DIR needs to be set and writable")',
        `set XDG_RUNTIME_DIR=/run/user/${context.uid} (owned by the user, mode 0700)`
      )
    );
  } else {
    const stat2 = await context.stat(runtimeDir);
    if (stat2 === void 0 || stat2.uid !== context.uid || (stat2.mode & 63) !== 0) {
      results.push(
        result(
          "warn",
          stat2 === void 0 ? `XDG_RUNTIME_DIR ${runtimeDir} does not exist` : `XDG_RUNTIME_DIR ${runtimeDir} is not private to the user (owner ${stat2.uid}, mode ${(stat2.mode & 511).toString(8)})`,
          `install -d -m 0700 -o ${context.uid} ${runtimeDir}`
        )
      );
    }
  }
  return results;
}
var containerEngineCheck = {
  id: "container-engine",
  title,
  async check(context) {
    const engines = [...await dockerResults(context), ...await podmanResults(context)];
    if (engines.length === 0) {
      return [result("pass", "no container engine installed (docker and podman not found)")];
    }
    const prerequisites = context.expected.rootless ? await rootlessPrerequisites(context) : [];
    return [...engines, ...prerequisites];
  }
};

// src/runner/checks/home.ts
var homeCheck = {
  id: "home",
  title: "Home directory",
  async check(context) {
    const home = context.env.HOME ?? "";
    const passwdHome = parsePasswd(await context.readFile("/etc/passwd") ?? "").find(
      (entry) => entry.uid === context.uid
    )?.home;
    const result3 = (status, reason, fix) => ({
      id: "home",
      title: "Home directory",
      status,
      reason,
      ...fix !== void 0 && { fix },
      details: { home, passwdHome: passwdHome ?? null }
    });
    if (home === "")
      return [result3("fail", "HOME is not set", "set HOME to the user's home directory")];
    const stat2 = await context.stat(home);
    if (stat2 === void 0 || !stat2.isDirectory) {
      return [
        result3(
          "fail",
          `HOME ${home} does not exist`,
          `create it in the image: install -d -o ${context.uid} ${home}`
        )
      ];
    }
    if (stat2.uid !== context.uid) {
      return [
        result3(
          "fail",
          `HOME ${home} belongs to uid ${stat2.uid}, not ${context.uid}`,
          `chown ${context.uid}:${context.gid} ${home} in the image`
        )
      ];
    }
    if (!await context.writable(home)) {
      return [result3("fail", `HOME ${home} is not writable`, `chmod u+w ${home}`)];
    }
    const results = [];
    if (passwdHome !== void 0 && passwdHome !== home) {
      results.push(
        result3(
          "warn",
          `HOME is ${home} but /etc/passwd says ${passwdHome}: tools that read passwd (ssh, git) look elsewhere`,
          `make them agree: usermod -d ${home} or set HOME=${passwdHome}`
        )
      );
    }
    if ((stat2.mode & 2) !== 0) {
      results.push(result3("warn", `HOME ${home} is world-writable`, `chmod o-w ${home}`));
    }
    return results.length > 0 ? results : [result3("pass", `HOME ${home}, owned and writable`)];
  }
};

// src/runner/checks/identity.ts
var identityCheck = {
  id: "identity",
  title: "User and UID",
  async check(context) {
    const { expected } = context;
    const passwd = parsePasswd(await context.readFile("/etc/passwd") ?? "");
    const name = passwd.find((entry) => entry.uid === context.uid)?.name;
    const shown = `${name ?? "(no passwd entry)"} (uid ${context.uid})`;
    const result3 = (status, reason, fix) => ({
      id: "identity",
      title: "User and UID",
      status,
      reason,
      ...fix !== void 0 && { fix },
      details: { uid: context.uid, euid: context.euid, gid: context.gid, user: name ?? null }
    });
    if (context.euid === 0 || context.uid === 0) {
      return [
        result3(
          "fail",
          `running as root (uid ${context.uid}, effective uid ${context.euid})`,
          `run the runner as ${expected.user} (USER ${expected.uid} in the image, runAsUser: ${expected.uid} in the pod)`
        )
      ];
    }
    if (name === void 0) {
      return [
        result3(
          "fail",
          `uid ${context.uid} has no /etc/passwd entry: HOME, ssh and git misbehave`,
          `add ${expected.user} with uid ${expected.uid} to the image (useradd --uid ${expected.uid} ${expected.user})`
        )
      ];
    }
    if (context.uid !== expected.uid || name !== expected.user) {
      return [
        result3(
          "fail",
          `running as ${shown}, expected ${expected.user} (uid ${expected.uid})`,
          `create the user as ${expected.user} with uid ${expected.uid}, or set expected-user/expected-uid to what you run`
        )
      ];
    }
    return [result3("pass", `running as ${shown}`)];
  }
};

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore2 = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore2 & 1)
        TomlError.x("illegal underscore", ctx);
      underscore2 = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore2 & 1)
      underscore2--;
  }
  if (underscore2 & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore2)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/runner/mtu/engines.ts
var rootlessDefaultMtu = 65520;
var dockerNetworkMtuOption = "com.docker.network.driver.mtu";
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function mtuFromText(text) {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : void 0;
}
function parseDaemonJson(text, source, rootless) {
  const settings = [];
  const problems = [];
  let config;
  try {
    config = JSON.parse(text);
  } catch (error2) {
    const reason = error2 instanceof Error ? error2.message : String(error2);
    return { settings, problems: [{ source, message: `not valid JSON (${reason})` }] };
  }
  if (!isRecord(config)) {
    return { settings, problems: [{ source, message: "not a JSON object" }] };
  }
  const base = { engine: "docker", rootless, source };
  if (config.mtu !== void 0) {
    if (typeof config.mtu === "number" && Number.isInteger(config.mtu)) {
      settings.push({ ...base, key: "mtu", value: config.mtu, scope: "default-bridge" });
    } else {
      problems.push({
        source,
        message: `"mtu" must be a whole number, got ${JSON.stringify(config.mtu)}`
      });
    }
  }
  const options = config["default-network-opts"];
  const bridge = isRecord(options) ? options.bridge : void 0;
  const value = isRecord(bridge) ? bridge[dockerNetworkMtuOption] : void 0;
  if (value !== void 0) {
    const key = `default-network-opts.bridge["${dockerNetworkMtuOption}"]`;
    const mtu = typeof value === "string" ? mtuFromText(value) : void 0;
    if (mtu !== void 0) settings.push({ ...base, key, value: mtu, scope: "new-networks" });
    else
      problems.push({
        source,
        message: `${key} must be a string holding a whole number (e.g. "1400"), got ${JSON.stringify(value)}`
      });
  }
  return { settings, problems };
}
function parsePodmanNetwork(text, source, rootless) {
  let network;
  try {
    network = JSON.parse(text);
  } catch (error2) {
    const reason = error2 instanceof Error ? error2.message : String(error2);
    return { settings: [], problems: [{ source, message: `not valid JSON (${reason})` }] };
  }
  if (!isRecord(network))
    return { settings: [], problems: [{ source, message: "not a JSON object" }] };
  const options = isRecord(network.options) ? network.options : {};
  const name = typeof network.name === "string" ? network.name : void 0;
  const settings = [];
  const problems = [];
  for (const key of ["mtu", dockerNetworkMtuOption]) {
    const value = options[key];
    if (value === void 0) continue;
    const mtu = typeof value === "string" ? mtuFromText(value) : void 0;
    if (mtu === void 0) {
      problems.push({
        source,
        message: `options.${key} is not a whole number: ${JSON.stringify(value)}`
      });
      continue;
    }
    settings.push({
      engine: "podman",
      rootless,
      source,
      key: `options.${key}`,
      value: mtu,
      scope: "network",
      ...name !== void 0 && { network: name }
    });
    break;
  }
  return { settings, problems };
}
function pastaMtu(options) {
  let found;
  for (let index = 0; index < options.length; index++) {
    const option = options[index];
    let text;
    if (option === "--mtu" || option === "-m") text = options[++index];
    else if (option.startsWith("--mtu=")) text = option.slice("--mtu=".length);
    else if (/^-m\d/.test(option)) text = option.slice(2);
    const mtu = text === void 0 ? void 0 : mtuFromText(text);
    if (mtu !== void 0) found = mtu;
  }
  return found;
}
function slirpMtu(options) {
  let found;
  for (const option of options) {
    const match = /^mtu=(\d+)$/.exec(option.trim());
    if (match) found = Number(match[1]);
  }
  return found;
}
function stringList(table, key, where2, source, problems) {
  if (!isRecord(table) || table[key] === void 0) return void 0;
  const value = table[key];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  problems.push({ source, message: `${where2}.${key} must be an array of strings` });
  return void 0;
}
function parseContainersConf(text, source) {
  const problems = [];
  let document;
  try {
    document = parse(text);
  } catch (error2) {
    const reason = (error2 instanceof Error ? error2.message : String(error2)).split("\n")[0];
    return { problems: [{ source, message: `not valid TOML (${reason})` }] };
  }
  const pastaOptions = stringList(document.network, "pasta_options", "network", source, problems);
  const networkCmdOptions = stringList(
    document.engine,
    "network_cmd_options",
    "engine",
    source,
    problems
  );
  const command = isRecord(document.network) ? document.network.default_rootless_network_cmd : void 0;
  return {
    ...pastaOptions !== void 0 && { pastaOptions },
    ...networkCmdOptions !== void 0 && { networkCmdOptions },
    ...typeof command === "string" && { rootlessNetworkCmd: command },
    problems
  };
}
function containersConfSettings(files) {
  let pasta;
  let slirp;
  const problems = [];
  for (const { source, text } of files) {
    const parsed = parseContainersConf(text, source);
    problems.push(...parsed.problems);
    if (parsed.pastaOptions !== void 0) pasta = { source, options: parsed.pastaOptions };
    if (parsed.networkCmdOptions !== void 0)
      slirp = { source, options: parsed.networkCmdOptions };
  }
  const settings = [];
  const base = { engine: "podman", rootless: true, scope: "rootless-namespace" };
  const pastaValue = pasta && pastaMtu(pasta.options);
  if (pasta && pastaValue !== void 0)
    settings.push({ ...base, source: pasta.source, key: "pasta_options --mtu", value: pastaValue });
  const slirpValue = slirp && slirpMtu(slirp.options);
  if (slirp && slirpValue !== void 0)
    settings.push({
      ...base,
      source: slirp.source,
      key: "network_cmd_options mtu",
      value: slirpValue
    });
  return { settings, problems };
}
var rootlessKitMtuVariable = "DOCKERD_ROOTLESS_ROOTLESSKIT_MTU";
function rootlessKitMtu(env) {
  const text = env[rootlessKitMtuVariable];
  if (text === void 0 || text.trim() === "") return { settings: [], problems: [] };
  const value = mtuFromText(text);
  if (value === void 0) {
    return {
      settings: [],
      problems: [{ source: rootlessKitMtuVariable, message: `not a whole number: '${text}'` }]
    };
  }
  const setting = {
    engine: "docker",
    rootless: true,
    source: rootlessKitMtuVariable,
    key: rootlessKitMtuVariable,
    value,
    scope: "rootless-namespace"
  };
  return { settings: [setting], problems: [] };
}
function engineConfigPaths(env) {
  const home = env.HOME ?? "";
  const configHome = env.XDG_CONFIG_HOME || home && `${home}/.config`;
  const dataHome = env.XDG_DATA_HOME || home && `${home}/.local/share`;
  return {
    dockerDaemonJson: "/etc/docker/daemon.json",
    rootlessDockerDaemonJson: configHome ? `${configHome}/docker/daemon.json` : void 0,
    podmanNetworks: "/etc/containers/networks",
    rootlessPodmanNetworks: dataHome ? `${dataHome}/containers/storage/networks` : void 0,
    containersConf: "/etc/containers/containers.conf",
    rootlessContainersConf: configHome ? `${configHome}/containers/containers.conf` : void 0,
    configHome,
    dataHome
  };
}
async function jsonFiles(listDir, dir) {
  const names = await listDir(dir) ?? [];
  return names.filter((name) => name.endsWith(".json")).sort().map((name) => `${dir}/${name}`);
}
async function dropIns(listDir, dir) {
  const names = await listDir(dir) ?? [];
  return names.filter((name) => name.endsWith(".conf")).sort().map((name) => `${dir}/${name}`);
}
async function readEngineMtuConfig(readFile, listDir, env) {
  const paths = engineConfigPaths(env);
  const result3 = { settings: [], problems: [], files: [] };
  const add = (parsed) => {
    result3.settings.push(...parsed.settings);
    result3.problems.push(...parsed.problems);
  };
  const read = async (path) => {
    const text = await readFile(path);
    if (text !== void 0) result3.files.push(path);
    return text;
  };
  for (const [path, rootless] of [
    [paths.dockerDaemonJson, false],
    [paths.rootlessDockerDaemonJson, true]
  ]) {
    if (path === void 0) continue;
    const text = await read(path);
    if (text !== void 0) add(parseDaemonJson(text, path, rootless));
  }
  add(rootlessKitMtu(env));
  for (const [dir, rootless] of [
    [paths.podmanNetworks, false],
    [paths.rootlessPodmanNetworks, true]
  ]) {
    if (dir === void 0) continue;
    for (const path of await jsonFiles(listDir, dir)) {
      const text = await read(path);
      if (text !== void 0) add(parsePodmanNetwork(text, path, rootless));
    }
  }
  const confPaths = [];
  if (env.CONTAINERS_CONF) confPaths.push(env.CONTAINERS_CONF);
  else {
    confPaths.push("/usr/share/containers/containers.conf", paths.containersConf);
    confPaths.push(...await dropIns(listDir, "/etc/containers/containers.conf.d"));
    if (paths.rootlessContainersConf !== void 0) {
      confPaths.push(paths.rootlessContainersConf);
      confPaths.push(
        ...await dropIns(listDir, `${paths.configHome}/containers/containers.conf.d`)
      );
    }
  }
  if (env.CONTAINERS_CONF_OVERRIDE) confPaths.push(env.CONTAINERS_CONF_OVERRIDE);
  const confs = [];
  for (const path of confPaths) {
    const text = await read(path);
    if (text !== void 0) confs.push({ source: path, text });
  }
  add(containersConfSettings(confs));
  return result3;
}

// src/runner/mtu/interfaces.ts
var routeUp = 1;
function hexToIpv4(hex) {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return hex;
  const bytes = [6, 4, 2, 0].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return bytes.join(".");
}
function parseProcNetRoute(text) {
  const routes = [];
  for (const line of text.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 8) continue;
    const [name, destination, gateway, flags, , , metric, mask, mtu] = fields;
    if (!/^[0-9A-Fa-f]+$/.test(flags ?? "")) continue;
    routes.push({
      interface: name,
      destination: hexToIpv4(destination),
      gateway: hexToIpv4(gateway),
      mask: hexToIpv4(mask),
      flags: parseInt(flags, 16),
      metric: Number(metric) || 0,
      mtu: Number(mtu) || 0
    });
  }
  return routes;
}
function defaultRouteInterface(text) {
  const defaults = parseProcNetRoute(text).filter(
    (route) => route.destination === "0.0.0.0" && route.mask === "0.0.0.0" && (route.flags & routeUp) !== 0
  );
  defaults.sort((a, b) => a.metric - b.metric);
  return defaults[0]?.interface;
}
function parseProcNetDev(text) {
  const names = [];
  for (const line of text.split("\n")) {
    const match = /^\s*([^\s:]+):/.exec(line);
    if (match) names.push(match[1]);
  }
  return names;
}
function parseWholeNumber(text) {
  const value = text?.trim() ?? "";
  return /^\d+$/.test(value) ? Number(value) : void 0;
}
async function readInterfaceMtus(readFile, listDir) {
  const names = await listDir?.("/sys/class/net") ?? parseProcNetDev(await readFile("/proc/net/dev") ?? "");
  const interfaces = [];
  for (const name of names) {
    const mtu = parseWholeNumber(await readFile(`/sys/class/net/${name}/mtu`));
    if (mtu !== void 0) interfaces.push({ name, mtu });
  }
  return interfaces.sort((a, b) => a.name.localeCompare(b.name));
}
async function readNetworkFacts(readFile, listDir) {
  const interfaces = await readInterfaceMtus(readFile, listDir);
  const defaultInterface = defaultRouteInterface(await readFile("/proc/net/route") ?? "");
  const tcpMtuProbing = parseWholeNumber(await readFile("/proc/sys/net/ipv4/tcp_mtu_probing"));
  return {
    interfaces,
    ...defaultInterface !== void 0 && { defaultInterface },
    ...tcpMtuProbing !== void 0 && { tcpMtuProbing }
  };
}

// src/runner/checks/mtu.ts
var id = "mtu";
var title2 = "MTU";
var dockerDefaultMtu = 1500;
function result2(status, reason, fix, details) {
  return checkResult(id, title2, status, reason, fix, details);
}
function settingFix(setting, mtu) {
  switch (setting.key) {
    case "mtu":
      return `set "mtu": ${mtu} in ${setting.source} and restart dockerd`;
    case "pasta_options --mtu":
      return `set pasta_options = ["--mtu", "${mtu}"] under [network] in ${setting.source}`;
    case "network_cmd_options mtu":
      return `set network_cmd_options = ["mtu=${mtu}"] under [engine] in ${setting.source}`;
    case rootlessKitMtuVariable:
      return `start dockerd-rootless.sh with ${rootlessKitMtuVariable}=${mtu}`;
  }
  if (setting.scope === "network") {
    const name = setting.network ?? "NAME";
    return `recreate the network: podman network rm ${name} && podman network create --opt mtu=${mtu} ${name}`;
  }
  return `set "default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "${mtu}"}} in ${setting.source} and restart dockerd`;
}
function where(setting) {
  const network = setting.network !== void 0 ? ` (network ${setting.network})` : "";
  return setting.source === setting.key ? setting.key : `${setting.source}: ${setting.key}${network}`;
}
async function succeeds(context, command, args) {
  return (await context.run(command, args)).code === 0;
}
async function rootlessDockerPresent(context, daemonJson) {
  const runtimeDir = context.env.XDG_RUNTIME_DIR;
  const host = context.env.DOCKER_HOST ?? "";
  if (host.startsWith("unix:///run/user/")) return true;
  if (runtimeDir && host.startsWith(`unix://${runtimeDir}/`)) return true;
  if (daemonJson || context.env[rootlessKitMtuVariable] !== void 0) return true;
  return runtimeDir !== void 0 && await context.stat(`${runtimeDir}/docker.sock`) !== void 0;
}
var mtuCheck = {
  id,
  title: title2,
  async check(context) {
    const results = [];
    const readFile = context.readFile.bind(context);
    const listDir = context.listDir.bind(context);
    const facts = await readNetworkFacts(readFile, listDir);
    const { expected } = context;
    const routeMtu = facts.interfaces.find((entry) => entry.name === facts.defaultInterface)?.mtu;
    const podMtu = expected.podMtu ?? routeMtu;
    const margin = expected.mtuMargin;
    const limit = podMtu !== void 0 ? podMtu - margin : void 0;
    const summary2 = {
      interfaces: facts.interfaces,
      defaultInterface: facts.defaultInterface,
      podMtu,
      podMtuFrom: expected.podMtu !== void 0 ? "expected" : "default route",
      margin,
      limit
    };
    if (facts.interfaces.length === 0) {
      results.push(
        result2(
          "warn",
          "cannot read any interface MTU (/proc/net/dev, /sys/class/net/*/mtu)",
          "run the check where /sys and /proc are mounted (they are in a normal pod)",
          summary2
        )
      );
    } else {
      const list = facts.interfaces.map(
        ({ name, mtu }) => `${name} ${mtu}${name === facts.defaultInterface ? " (default route)" : ""}`
      ).join(", ");
      results.push(result2("pass", `interface MTUs: ${list}`, void 0, summary2));
    }
    if (podMtu === void 0) {
      results.push(
        result2(
          "warn",
          "no default route and no expected pod MTU: cannot tell what the containers must stay below",
          "give the pod's MTU (pod-mtu input, or --pod-mtu)",
          summary2
        )
      );
    } else if (expected.podMtu !== void 0 && routeMtu !== void 0 && facts.defaultInterface !== void 0 && routeMtu > expected.podMtu) {
      results.push(
        result2(
          "warn",
          `${facts.defaultInterface} has MTU ${routeMtu}, above the expected pod MTU ${expected.podMtu}: packets between the two sizes are lost where ICMP is dropped`,
          `set the pod network's MTU (the CNI's) to ${expected.podMtu}, or ip link set dev ${facts.defaultInterface} mtu ${expected.podMtu}`,
          summary2
        )
      );
    }
    if (limit !== void 0) {
      for (const entry of facts.interfaces) {
        if (!/^(docker\d+|br-[0-9a-f]+|podman\d*|cni-podman\d+|cni\d+)$/.test(entry.name)) continue;
        if (entry.mtu <= limit) continue;
        results.push(
          result2(
            "warn",
            `container bridge ${entry.name} has MTU ${entry.mtu}, above the pod MTU ${podMtu} − ${margin} = ${limit}`,
            `configure the engine's MTU (runnerkit mtu config --mtu ${limit}) and recreate the network`,
            { interface: entry.name, mtu: entry.mtu, limit }
          )
        );
      }
    }
    const engines = await readEngineMtuConfig(readFile, listDir, context.env);
    for (const problem of engines.problems) {
      results.push(
        result2(
          "fail",
          `${problem.source}: ${problem.message}`,
          `fix ${problem.source}: the engine refuses or ignores it`,
          { ...problem }
        )
      );
    }
    for (const setting of engines.settings) {
      const details = { ...setting, podMtu, margin, limit };
      if (limit === void 0) {
        results.push(result2("pass", `${where(setting)} = ${setting.value}`, void 0, details));
      } else if (setting.value > limit) {
        results.push(
          result2(
            "fail",
            `${where(setting)} = ${setting.value}, above the pod MTU ${podMtu} − ${margin} = ${limit}`,
            settingFix(setting, limit),
            details
          )
        );
      } else {
        results.push(
          result2("pass", `${where(setting)} = ${setting.value} (≤ ${limit})`, void 0, details)
        );
      }
    }
    const dockerSources = new Set(
      engines.settings.filter((setting) => setting.scope === "default-bridge").map((s) => s.source)
    );
    for (const source of dockerSources) {
      const reachesNew = engines.settings.some(
        (setting) => setting.source === source && setting.scope === "new-networks"
      );
      if (reachesNew) continue;
      const mtu = engines.settings.find((s) => s.source === source && s.scope === "default-bridge");
      results.push(
        result2(
          "warn",
          `${source} sets "mtu" without default-network-opts: it reaches the default bridge only, not the networks the runner creates for container jobs and services`,
          settingFix(
            { ...mtu, key: "default-network-opts", scope: "new-networks" },
            limit ?? mtu.value
          ),
          { source }
        )
      );
    }
    const dockerJson = engines.files.filter((file) => file.endsWith("/docker/daemon.json"));
    const rootfulDockerSet = engines.settings.some(
      (setting) => setting.engine === "docker" && !setting.rootless && setting.scope !== "rootless-namespace"
    );
    const rootfulDocker = dockerJson.includes("/etc/docker/daemon.json") || (context.env.DOCKER_HOST ?? "").startsWith("unix:///var/run/docker.sock") || await succeeds(context, "dockerd", ["--version"]);
    if (rootfulDocker && !rootfulDockerSet && limit !== void 0 && limit < dockerDefaultMtu) {
      results.push(
        result2(
          "warn",
          `Docker has no MTU configured: its networks get ${dockerDefaultMtu}, above the pod MTU ${podMtu} − ${margin} = ${limit}`,
          `put "mtu": ${limit} and "default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "${limit}"}} in /etc/docker/daemon.json (runnerkit mtu config --mtu ${limit})`,
          { limit }
        )
      );
    }
    const suggested = limit ?? 1400;
    const rootlessJson = dockerJson.some((file) => file !== "/etc/docker/daemon.json");
    const rootlessKitSet = engines.settings.some((s) => s.key === rootlessKitMtuVariable);
    if (!rootlessKitSet && await rootlessDockerPresent(context, rootlessJson)) {
      results.push(
        result2(
          "warn",
          `rootless Docker: ${rootlessKitMtuVariable} is not set here, so rootlesskit's slirp4netns network uses MTU ${rootlessDefaultMtu}`,
          `start dockerd-rootless.sh with ${rootlessKitMtuVariable}=${suggested}`,
          { default: rootlessDefaultMtu }
        )
      );
    }
    const podmanNamespaceSet = engines.settings.some(
      (s) => s.engine === "podman" && s.scope === "rootless-namespace"
    );
    const rootlessPodman = context.uid !== 0 && (expected.rootless || context.euid !== 0) && await succeeds(context, "podman", ["--version"]);
    if (rootlessPodman && !podmanNamespaceSet) {
      results.push(
        result2(
          "warn",
          `rootless Podman: no pasta_options --mtu or network_cmd_options mtu= in containers.conf, so pasta/slirp4netns use MTU ${rootlessDefaultMtu}`,
          `set pasta_options = ["--mtu", "${suggested}"] under [network] and network_cmd_options = ["mtu=${suggested}"] under [engine] in ~/.config/containers/containers.conf`,
          { default: rootlessDefaultMtu }
        )
      );
    }
    const probing = facts.tcpMtuProbing;
    const probingDetails = { tcpMtuProbing: probing, podMtu };
    if (probing === void 0) {
      results.push(
        result2(
          "pass",
          "net.ipv4.tcp_mtu_probing cannot be read (no /proc/sys)",
          void 0,
          probingDetails
        )
      );
    } else if (probing === 0 && podMtu !== void 0 && podMtu < 1500) {
      results.push(
        result2(
          "warn",
          `net.ipv4.tcp_mtu_probing is 0 with a pod MTU of ${podMtu}: uploads stall for good if ICMP "fragmentation needed" is dropped`,
          "sysctl -w net.ipv4.tcp_mtu_probing=1 (persist in /etc/sysctl.d/99-runnerkit-mtu.conf; in Kubernetes it is an unsafe sysctl: allow it on the kubelet or set it from a privileged init container)",
          probingDetails
        )
      );
    } else {
      results.push(
        result2("pass", `net.ipv4.tcp_mtu_probing is ${probing}`, void 0, probingDetails)
      );
    }
    return results;
  }
};

// src/runner/checks/path.ts
var pathCheck = {
  id: "path",
  title: "PATH",
  async check(context) {
    const home = context.env.HOME ?? "";
    const entries = (context.env.PATH ?? "").split(":").filter((entry) => entry !== "");
    const expanded = context.expected.pathDirs.map((dir) => dir.replace(/^~(?=\/|$)/, home));
    const results = [];
    const missing = expanded.filter((dir) => !entries.includes(dir));
    if (missing.length > 0) {
      results.push({
        id: "path",
        title: "PATH",
        status: "fail",
        reason: `PATH lacks ${missing.join(", ")}`,
        fix: `add them with the fix-path action (or ENV PATH in the image and PATH= in the runner's .env)`,
        details: { path: entries, missing }
      });
    }
    const absent = [];
    const worldWritable = [];
    for (const entry of entries) {
      const stat2 = await context.stat(entry);
      if (stat2 === void 0) absent.push(entry);
      else if ((stat2.mode & 2) !== 0 && (stat2.mode & 512) === 0) worldWritable.push(entry);
    }
    if (worldWritable.length > 0) {
      results.push({
        id: "path",
        title: "PATH",
        status: "fail",
        reason: `world-writable on PATH: ${worldWritable.join(", ")}`,
        fix: `chmod o-w ${worldWritable.join(" ")}, or drop them from PATH`,
        details: { worldWritable }
      });
    }
    if (absent.length > 0) {
      results.push({
        id: "path",
        title: "PATH",
        status: "warn",
        reason: `PATH entries that do not exist: ${absent.join(", ")}`,
        fix: "create them or drop them (fix-path drops missing entries)",
        details: { absent }
      });
    }
    return results.length > 0 ? results : [
      {
        id: "path",
        title: "PATH",
        status: "pass",
        reason: `${entries.length} entries, all present`,
        details: { path: entries }
      }
    ];
  }
};

// src/runner/checks/sudo.ts
function classifySudo(result3) {
  if (result3.code === 127) return "absent";
  if (result3.code === 0) return "works";
  if (/no new privileges/i.test(result3.stderr)) return "blocked-by-no-new-privs";
  if (/password is required|not in the sudoers|may not run sudo|not allowed to/i.test(result3.stderr))
    return "no-grant";
  return "unknown";
}
var sudoCheck = {
  id: "sudo",
  title: "sudo",
  async check(context) {
    const probe = await context.run("sudo", ["-n", "true"]);
    const state = classifySudo(probe);
    const expected = context.expected.sudo;
    const result3 = (status, reason, fix) => ({
      id: "sudo",
      title: "sudo",
      status,
      reason,
      ...fix !== void 0 && { fix },
      details: { state, exitCode: probe.code, expected }
    });
    const removeSudo = "remove sudo from the image (apt-get purge sudo) and its sudoers grants";
    switch (state) {
      case "works":
        return [result3("fail", "`sudo -n true` succeeded: the job can become root", removeSudo)];
      case "blocked-by-no-new-privs":
        return [
          result3(
            expected === "any" ? "pass" : "warn",
            "sudoers grants the user root, blocked today only by no_new_privs (allowPrivilegeEscalation: false)",
            removeSudo
          )
        ];
      case "no-grant":
        return [
          result3(
            expected === "absent" ? "warn" : "pass",
            "sudo is installed but grants nothing to this user",
            expected === "absent" ? removeSudo : void 0
          )
        ];
      case "absent":
        return [result3("pass", "sudo is not installed")];
      default:
        return [
          result3(
            "warn",
            `sudo -n true exited ${probe.code}: ${probe.stderr.trim().split("\n")[0] ?? ""}`,
            "run sudo -n true in the runner to see why"
          )
        ];
    }
  }
};

// src/runner/live.ts
var liveChecks = [
  identityCheck,
  groupsCheck,
  sudoCheck,
  homeCheck,
  pathCheck,
  containerEngineCheck,
  mtuCheck
];
function processLiveContext(env, expected) {
  return {
    env,
    expected,
    uid: process.getuid?.() ?? -1,
    euid: process.geteuid?.() ?? -1,
    gid: process.getgid?.() ?? -1,
    groups: process.getgroups?.() ?? [],
    async readFile(path) {
      try {
        return await fs6.readFile(path, "utf8");
      } catch {
        return void 0;
      }
    },
    async stat(path) {
      try {
        const stat2 = await fs6.stat(path);
        return { uid: stat2.uid, gid: stat2.gid, mode: stat2.mode, isDirectory: stat2.isDirectory() };
      } catch {
        return void 0;
      }
    },
    async listDir(path) {
      try {
        return await fs6.readdir(path);
      } catch {
        return void 0;
      }
    },
    async writable(path) {
      try {
        await fs6.access(path, constants3.W_OK);
        return true;
      } catch {
        return false;
      }
    },
    run(command, args) {
      return new Promise((resolve2) => {
        const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => stdout += chunk.toString());
        child.stderr.on("data", (chunk) => stderr += chunk.toString());
        child.on("error", () => resolve2({ code: 127, stdout, stderr }));
        child.on("close", (code) => resolve2({ code: code ?? 1, stdout, stderr }));
      });
    }
  };
}
async function runLiveChecks(context, checks = liveChecks) {
  const results = [];
  for (const check2 of checks) results.push(...await check2.check(context));
  return results;
}

// src/runner/check-run.ts
async function runRunnerCheck(options) {
  const target = options.target.trim() === "" ? "runner" : options.target.trim();
  if (target !== "runner" && target !== "image") {
    throw new UserError(`target: expected runner or image, got '${target}'`);
  }
  const expected = expectationsFrom(options.expectations);
  if (target === "runner") {
    const context = processLiveContext(options.env, expected);
    return { target, subject: `uid ${context.uid}`, results: await runLiveChecks(context) };
  }
  const reference = (options.image ?? "").trim();
  if (reference === "")
    throw new UserError(
      "image: give the image to check (oci:DIR, oci-archive:FILE, docker-archive:FILE or a registry reference)"
    );
  await fs7.mkdir(options.workDir, { recursive: true, mode: 448 });
  const source = await openImage(reference, {
    workDir: options.workDir,
    ...options.platform !== void 0 && options.platform !== "" && { platform: options.platform },
    ...options.credentials !== void 0 && { credentials: options.credentials },
    ...options.insecureRegistries !== void 0 && {
      insecureRegistries: options.insecureRegistries
    }
  });
  let filesystem;
  try {
    filesystem = await walkLayers(source, { keepContent: keepForChecks });
  } finally {
    await source.close();
  }
  const view = imageView(source.config.config ?? {}, filesystem);
  return {
    target,
    subject: `${reference} (${source.manifestDigest}, ${source.platform})`,
    results: runImageChecks(view, expected, [...defaultSetuidAllowed, ...options.setuidAllowed])
  };
}
function imageView(config, filesystem) {
  return {
    config,
    entry: (path) => resolvePath(filesystem, path),
    text(path) {
      const real = realPath(filesystem, path);
      return real !== void 0 ? filesystem.content.get(real)?.toString("utf8") : void 0;
    },
    keptUnder: (prefix) => [...filesystem.content.keys()].filter((path) => path.startsWith(prefix)).sort(),
    all: () => filesystem.entries.entries()
  };
}

// src/runner/report.ts
function parseFailOn(text) {
  const value = text.trim() === "" ? "error" : text.trim();
  if (value === "error" || value === "warning") return value;
  throw new UserError(`fail-on: expected error or warning, got '${value}'`);
}
function failed(results, failOn) {
  return results.some(
    (result3) => result3.status === "fail" || failOn === "warning" && result3.status === "warn"
  );
}
function counts(results) {
  const tally = { pass: 0, warn: 0, fail: 0 };
  for (const result3 of results) tally[result3.status]++;
  return tally;
}
var marks = { pass: "ok  ", warn: "WARN", fail: "FAIL" };
function formatTable(results) {
  const width = Math.max(...results.map((result3) => result3.id.length), 2);
  const lines = [];
  for (const result3 of results) {
    lines.push(`${marks[result3.status]}  ${result3.id.padEnd(width)}  ${result3.reason}`);
    if (result3.fix !== void 0 && result3.status !== "pass") {
      lines.push(`${" ".repeat(6 + width)}  fix: ${result3.fix}`);
    }
  }
  const tally = counts(results);
  lines.push(`${tally.pass} passed, ${tally.warn} warnings, ${tally.fail} failed`);
  return `${lines.join("\n")}
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

// node_modules/csv-parse/lib/api/CsvError.js
var CsvError = class _CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-parse/lib/utils/is_object.js
var is_object = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-parse/lib/api/normalize_columns_array.js
var normalize_columns_array = function(columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === void 0 || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal"
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
};

// node_modules/csv-parse/lib/utils/ResizeableBuffer.js
var ResizeableBuffer = class {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
};
var ResizeableBuffer_default = ResizeableBuffer;

// node_modules/csv-parse/lib/api/init_state.js
var init_state = function(options) {
  const timchars = [
    // Basic Latin
    32,
    // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    9,
    // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    10,
    // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    13,
    // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    12,
    // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    11,
    // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    160,
    // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    5760,
    // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    8192,
    // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    8193,
    // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    8194,
    // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    8195,
    // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    8196,
    // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    8197,
    // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    8198,
    // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    8199,
    // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    8200,
    // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    8201,
    // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    8202,
    // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    8232,
    // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    8233,
    // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    8239,
    // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    8287,
    // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    12288,
    // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    65279
    // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding
    );
    if (codepoint !== 63 && encoded.length === 1 && encoded[0] === 63) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: void 0,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: void 0,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : void 0,
    field: new ResizeableBuffer_default(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      ...options.delimiter ? options.delimiter.map((delimiter) => delimiter.length) : [],
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      ...timchars.map((t) => t.length)
    ),
    previousBuf: void 0,
    quoting: false,
    stop: false,
    rawBuffer: new ResizeableBuffer_default(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("	", options.encoding)[0]
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars,
    timcharFirstBytes
  };
};

// node_modules/csv-parse/lib/utils/underscore.js
var underscore = function(str) {
  return str.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-parse/lib/api/normalize_options.js
var normalize_options = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.encoding === void 0 || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (typeof options.encoding !== "string" && options.encoding !== null) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`
      ],
      options
    );
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`
      ],
      options
    );
  }
  options.cast_function = null;
  if (options.cast === void 0 || options.cast === null || options.cast === false || options.cast === "") {
    options.cast = void 0;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`
      ],
      options
    );
  }
  if (options.cast_date === void 0 || options.cast_date === null || options.cast_date === false || options.cast_date === "") {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function(value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`
      ],
      options
    );
  }
  options.cast_first_line_to_header = void 0;
  if (options.columns === true) {
    options.cast_first_line_to_header = void 0;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (options.columns === void 0 || options.columns === null || options.columns === false) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`
      ],
      options
    );
  }
  if (options.group_columns_by_name === void 0 || options.group_columns_by_name === null || options.group_columns_by_name === false) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`
      ],
      options
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated."
      ],
      options
    );
  }
  if (options.comment === void 0 || options.comment === null || options.comment === false || options.comment === "") {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`
        ],
        options
      );
    }
  }
  if (options.comment_no_infix === void 0 || options.comment_no_infix === null || options.comment_no_infix === false) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`
      ],
      options
    );
  }
  if (options.delimiter_auto === void 0 || options.delimiter_auto === null || options.delimiter_auto === false) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`
      ],
      options
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === void 0)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["	".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`
        ],
        options
      );
    }
    if (options.delimiter_auto.score === void 0)
      options.delimiter_auto.score = (info2, options2) => {
        return (info2.total - info2.std) * (options2.preferred[info2.char_code] || 1);
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`
        ],
        options
      );
    }
    if (options.delimiter_auto.size === void 0)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`
        ],
        options
      );
    }
  }
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (options.delimiter === void 0 || options.delimiter === null || options.delimiter === false) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function(delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`
        ],
        options
      );
    }
    return delimiter;
  });
  if (options.escape === void 0 || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`
      );
    }
  }
  if (options.from === void 0 || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`
      );
    }
  }
  if (options.from_line === void 0 || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (typeof options.from_line === "string" && /\d+/.test(options.from_line)) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`
      );
    }
  }
  if (options.ignore_last_delimiters === void 0 || options.ignore_last_delimiters === null) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`
      ],
      options
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option"
      ],
      options
    );
  }
  if (options.info === void 0 || options.info === null || options.info === false) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`
    );
  }
  if (options.max_record_size === void 0 || options.max_record_size === null || options.max_record_size === false) {
    options.max_record_size = 0;
  } else if (Number.isInteger(options.max_record_size) && options.max_record_size >= 0) {
  } else if (typeof options.max_record_size === "string" && /\d+/.test(options.max_record_size)) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`
    );
  }
  if (options.objname === void 0 || options.objname === null || options.objname === false) {
    options.objname = void 0;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
  } else if (typeof options.objname === "number") {
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`
    );
  }
  if (options.objname !== void 0) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field"
        );
      }
    } else {
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index"
        );
      }
    }
  }
  if (options.on_record === void 0 || options.on_record === null) {
    options.on_record = void 0;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`
      ],
      options
    );
  }
  if (options.on_skip !== void 0 && options.on_skip !== null && typeof options.on_skip !== "function") {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`
    );
  }
  if (options.quote === null || options.quote === false || options.quote === "") {
    options.quote = null;
  } else {
    if (options.quote === void 0 || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`
      );
    }
  }
  if (options.raw === void 0 || options.raw === null || options.raw === false) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`
    );
  }
  if (options.record_delimiter === void 0) {
    options.record_delimiter = [];
  } else if (typeof options.record_delimiter === "string" || Buffer.isBuffer(options.record_delimiter)) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`
        ],
        options
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`
      ],
      options
    );
  }
  options.record_delimiter = options.record_delimiter.map(function(rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  if (typeof options.relax_column_count === "boolean") {
  } else if (options.relax_column_count === void 0 || options.relax_column_count === null) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
  } else if (options.relax_column_count_less === void 0 || options.relax_column_count_less === null) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
  } else if (options.relax_column_count_more === void 0 || options.relax_column_count_more === null) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`
    );
  }
  if (typeof options.relax_quotes === "boolean") {
  } else if (options.relax_quotes === void 0 || options.relax_quotes === null) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`
    );
  }
  if (typeof options.skip_empty_lines === "boolean") {
  } else if (options.skip_empty_lines === void 0 || options.skip_empty_lines === null) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`
    );
  }
  if (typeof options.skip_records_with_empty_values === "boolean") {
  } else if (options.skip_records_with_empty_values === void 0 || options.skip_records_with_empty_values === null) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`
    );
  }
  if (typeof options.skip_records_with_error === "boolean") {
  } else if (options.skip_records_with_error === void 0 || options.skip_records_with_error === null) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`
    );
  }
  if (options.rtrim === void 0 || options.rtrim === null || options.rtrim === false) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`
    );
  }
  if (options.ltrim === void 0 || options.ltrim === null || options.ltrim === false) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`
    );
  }
  if (options.trim === void 0 || options.trim === null || options.trim === false) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`
    );
  }
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  if (options.to === void 0 || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`
      );
    }
  }
  if (options.to_line === void 0 || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`
      );
    }
  }
  return options;
};

// node_modules/csv-parse/lib/utils/delimiter_discover.js
var delimiter_discover = function(records, options) {
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records2 = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records2.push(record);
      const close = () => {
      };
      const error2 = parser.parse(data, true, push, close);
      if (error2 !== void 0) throw error2;
      return records2;
    })(records);
  }
  const info2 = Array(127).fill().map(() => ({ lines: [] }));
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      const code = record.charCodeAt(i);
      if (info2[code].lines[line] === void 0) info2[code].lines[line] = 0;
      info2[code].lines[line]++;
    }
  });
  info2.map((info3, i) => {
    info3.char_code = i;
    info3.std = std(info3.lines);
    info3.total = info3.lines.reduce((acc, val) => acc + val, 0);
    info3.preferred = !!options.preferred[i];
    info3.score = options.score(info3, options);
  });
  const result3 = info2.reduce(
    (acc, info3) => acc.score > info3.score ? acc : info3,
    {}
  );
  return String.fromCharCode(result3.char_code);
};
var std = function(array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n
  );
};

// node_modules/csv-parse/lib/api/index.js
var isRecordEmpty = function(record) {
  return record.every(
    (field) => field == null || field.toString && field.toString().trim() === ""
  );
};
var cr = 13;
var nl = 10;
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
var transform = function(original_options = {}) {
  const info2 = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0
  };
  const options = normalize_options(original_options);
  return {
    info: info2,
    original_options,
    options,
    state: init_state(options),
    __needMoreData: function(i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } = this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0 ? Buffer.from("\r\n", encoding).length : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function(nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote
      } = this.state;
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === void 0) {
          delimiterBuf = nextBuf;
        } else if (delimiterBufPrevious !== void 0 && nextBuf === void 0) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        nextBuf = void 0;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto)
            )
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = void 0;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === void 0) {
        if (nextBuf === void 0) {
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== void 0 && nextBuf === void 0) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          if (end === false) {
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding2 in boms) {
            if (boms[encoding2].compare(buf, 0, boms[encoding2].length) === 0) {
              const bomLength = boms[encoding2].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              const options2 = normalize_options({
                ...this.original_options,
                encoding: encoding2
              });
              for (const key in options2) {
                this.options[key] = options2[key];
              }
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if ((chr === cr || chr === nl) && this.state.wasRowDelimiter === false) {
          this.state.wasRowDelimiter = true;
        }
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          if (escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr
              );
              const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length) : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              if (escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)) {
                pos += escape.length - 1;
              } else if (!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err2 = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment"
                    ],
                    this.options,
                    this.__infoField()
                  )
                );
                if (err2 !== void 0) return err2;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                if (relax_quotes === false) {
                  const info3 = this.__infoField();
                  const bom2 = Object.keys(boms).map(
                    (b) => boms[b].equals(this.state.field.toString()) ? b : false
                  ).filter(Boolean)[0];
                  const err2 = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info3.column)} at line ${info3.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom2 ? `(${bom2} bom)` : void 0
                      ],
                      this.options,
                      info3,
                      {
                        field: this.state.field
                      }
                    )
                  );
                  if (err2 !== void 0) return err2;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos
            );
            if (recordDelimiterLength !== 0) {
              const skipCommentLine = this.state.commenting && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
              } else {
                if (this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1 : 0) >= from_line) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                if (skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== void 0) return errField;
                this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== void 0) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (comment !== null && (comment_no_infix === false || this.state.record.length === 0 && this.state.field.length === 0)) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== void 0) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`
                ],
                this.options,
                this.__infoField()
              )
            );
          }
        }
        const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        if (this.state.quoting === true) {
          const err2 = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
          if (err2 !== void 0) return err2;
        } else {
          if (this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== void 0) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== void 0) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function(push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info: info3,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err2 = columns === false ? new CsvError(
          "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
          [
            "Invalid Record Length:",
            `expect ${this.state.expectedRecordLength},`,
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        ) : new CsvError(
          "CSV_RECORD_INCONSISTENT_COLUMNS",
          [
            "Invalid Record Length:",
            `columns length is ${columns.length},`,
            // rename columns
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        );
        if (relax_column_count === true || relax_column_count_less === true && recordLength < this.state.expectedRecordLength || relax_column_count_more === true && recordLength > this.state.expectedRecordLength) {
          this.info.invalid_field_length++;
          this.state.error = err2;
        } else {
          const finalErr = this.__error(err2);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        if (columns !== false) {
          const obj = {};
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === void 0 || columns[i].disabled) continue;
            if (group_columns_by_name === true && Object.hasOwn(obj, columns[i].name)) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
          }
          if (raw === true || info3 === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info3 === true ? { info: this.__infoRecord() } : {}
            );
            const err2 = this.__push(
              objname === void 0 ? extRecord : [obj[objname], extRecord],
              push
            );
            if (err2) {
              return err2;
            }
          } else {
            const err2 = this.__push(
              objname === void 0 ? obj : [obj[objname], obj],
              push
            );
            if (err2) {
              return err2;
            }
          }
        } else {
          if (raw === true || info3 === true) {
            const extRecord = Object.assign(
              { record },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info3 === true ? { info: this.__infoRecord() } : {}
            );
            const err2 = this.__push(
              objname === void 0 ? extRecord : [record[objname], extRecord],
              push
            );
            if (err2) {
              return err2;
            }
          } else {
            const err2 = this.__push(
              objname === void 0 ? record : [record[objname], record],
              push
            );
            if (err2) {
              return err2;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function(record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers = firstLineToHeaders === void 0 ? record : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`
              ],
              this.options,
              this.__infoField(),
              {
                headers
              }
            )
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err2) {
        return err2;
      }
    },
    __resetRecord: function() {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = void 0;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function() {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err2, f] = this.__cast(field);
        if (err2 !== void 0) return err2;
        field = f;
      }
      this.state.record.push(field);
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function() {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function(record, push) {
      const { on_record } = this.options;
      if (on_record !== void 0) {
        const info3 = this.__infoRecord();
        try {
          record = on_record.call(null, record, info3);
        } catch (err2) {
          return err2;
        }
        if (record === void 0 || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function(field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      if (isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length) {
        return [void 0, void 0];
      }
      if (this.state.castField !== null) {
        try {
          const info3 = this.__infoField();
          return [void 0, this.state.castField.call(null, field, info3)];
        } catch (err2) {
          return [err2];
        }
      }
      if (this.__isFloat(field)) {
        return [void 0, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info3 = this.__infoField();
        return [void 0, this.options.cast_date.call(null, field, info3)];
      }
      return [void 0, field];
    },
    __compareBytes: function(sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function(buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      const first = buf[pos];
      if (first === void 0 || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function(buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1) {
        return 0;
      } else if (ignore_last_delimiters !== false && typeof ignore_last_delimiters === "number" && this.state.record.length === ignore_last_delimiters - 1) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function(buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function(value) {
      return value - parseFloat(value) + 1 >= 0;
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function(buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function(chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function(buf, pos) {
      const { encoding } = this.options;
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding)
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function(msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err2 = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== void 0) {
          try {
            this.options.on_skip(
              err2,
              raw ? this.state.rawBuffer.toString(encoding) : void 0
            );
          } catch (err3) {
            return err3;
          }
        }
        return void 0;
      } else {
        return err2;
      }
    },
    __infoDataSet: function() {
      return {
        ...this.info,
        columns: this.options.columns
      };
    },
    __infoRecord: function() {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : void 0
      };
    },
    __infoField: function() {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records,
        column: isColumns === true ? columns.length > this.state.record.length ? columns[this.state.record.length].name : null : this.state.record.length,
        quoting: this.state.wasQuoting
      };
    }
  };
};

// node_modules/csv-parse/lib/sync.js
var parse2 = function(data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? /* @__PURE__ */ Object.create(null) : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === void 0) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {
  };
  const error2 = parser.parse(data, true, push, close);
  if (error2 !== void 0) throw error2;
  return records;
};

// src/util/list.ts
function parseList(text, options = {}) {
  if (!text) return [];
  const comment = options.comment;
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !(comment && line.startsWith(comment)));
  if (options.ignoreComma) return lines;
  const entries = [];
  for (const line of lines) {
    const records = parse2(line, {
      columns: false,
      relaxQuotes: true,
      relaxColumnCount: true,
      skipEmptyLines: true,
      trim: true
    });
    for (const record of records) {
      for (const field of record) {
        if (field !== "" && !(comment && field.startsWith(comment))) entries.push(field);
      }
    }
  }
  return entries;
}

// actions/_shared/inputs.ts
function input(name) {
  return getInput(name);
}
function listInput(name, options = {}) {
  return parseList(getInput(name), options);
}
function booleanInput(name, fallback = false) {
  return parseBoolean(name, getInput(name), fallback);
}

// actions/_shared/log.ts
import { randomUUID as randomUUID2 } from "node:crypto";
function logUntrusted(text) {
  const token = `runnerkit-${randomUUID2()}`;
  info(`::stop-commands::${token}`);
  info(text);
  info(`::${token}::`);
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

// src/util/markdown.ts
function markdownTable(header2, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header2), line(header2.map(() => "---")), ...rows.map((row) => line(row))].join("\n");
}

// actions/runner-check/main.ts
function asInputError(error2) {
  if (!(error2 instanceof UserError)) return error2;
  const named = /^([a-z-]+): /.exec(error2.message);
  return named !== null && inputNames.has(named[1]) ? new UserError(`input '${named[1]}': ${error2.message.slice(named[0].length)}`) : error2;
}
var inputNames = /* @__PURE__ */ new Set([
  "target",
  "image",
  "platform",
  "expected-user",
  "expected-uid",
  "sudo",
  "pod-mtu",
  "mtu-margin",
  "fail-on"
]);
async function main() {
  const password = input("password");
  if (password) setSecret(password);
  const username = input("username");
  if (password !== "" && username === "")
    throw new UserError("input 'username': required when 'password' is given");
  try {
    await check(username, password);
  } catch (error2) {
    throw asInputError(error2);
  }
}
async function check(username, password) {
  const failOn = parseFailOn(input("fail-on"));
  const image = input("image");
  const workDir = join3(process.env.RUNNER_TEMP || tmpdir(), `runnerkit-check-${randomUUID3()}`);
  let outcome;
  try {
    let credentials;
    if (username !== "") {
      const registry = parseReference(image.replace(/^docker:\/\//, "")).registry;
      credentials = { [registry]: { username, password } };
    }
    outcome = await runRunnerCheck({
      target: input("target"),
      image,
      platform: input("platform"),
      expectations: {
        user: input("expected-user"),
        uid: input("expected-uid"),
        rootless: booleanInput("rootless", true),
        privilegedGroups: listInput("privileged-groups"),
        sudo: input("sudo"),
        pathDirs: listInput("path-dirs"),
        podMtu: input("pod-mtu"),
        mtuMargin: input("mtu-margin")
      },
      setuidAllowed: listInput("setuid-allowed"),
      env: process.env,
      ...credentials !== void 0 && { credentials },
      insecureRegistries: listInput("insecure-registries"),
      workDir
    });
  } finally {
    await fs8.rm(workDir, { recursive: true, force: true });
  }
  logUntrusted(`Checked ${outcome.subject}
${formatTable(outcome.results)}`);
  for (const result3 of outcome.results) {
    const text = `${result3.id}: ${result3.reason}${result3.fix !== void 0 ? ` — fix: ${result3.fix}` : ""}`;
    if (result3.status === "fail") error(text, { title: `runner-check: ${result3.title}` });
    if (result3.status === "warn") warning(text, { title: `runner-check: ${result3.title}` });
  }
  const isFailed = failed(outcome.results, failOn);
  setOutput("json", JSON.stringify(outcome));
  setOutput("failed", String(isFailed));
  const tally = counts(outcome.results);
  const icon = { pass: "✅", warn: "⚠️", fail: "❌" };
  await summary.addRaw(
    [
      `### runner-check: ${outcome.target}`,
      "",
      `Checked: \`${outcome.subject}\``,
      "",
      markdownTable(
        ["", "check", "result", "fix"],
        outcome.results.map((result3) => [
          icon[result3.status],
          result3.id,
          result3.reason,
          result3.status === "pass" ? "" : result3.fix ?? ""
        ])
      ),
      "",
      `${tally.pass} passed, ${tally.warn} warnings, ${tally.fail} failed.`,
      ""
    ].join("\n")
  ).write();
  if (isFailed) {
    setFailed(
      `runner-check: ${tally.fail} failed${failOn === "warning" ? `, ${tally.warn} warnings` : ""} (see the annotations)`
    );
  }
}
await runAction(main);
