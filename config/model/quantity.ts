/**
 * Value objects for Kubernetes resource quantities, so sums and comparisons are done on
 * numbers (millicores, bytes) and rendered back in one canonical form.
 */

export class Cpu {
  private constructor(readonly millis: number) {}

  static millis(millis: number): Cpu {
    return new Cpu(Math.round(millis));
  }

  static cores(cores: number): Cpu {
    return new Cpu(Math.round(cores * 1000));
  }

  /** `2`, `0.5`, `"500m"`, `"2"` as written in the declaration. */
  static parse(value: number | string): Cpu {
    if (typeof value === "number") return Cpu.cores(value);
    return value.endsWith("m") ? Cpu.millis(Number(value.slice(0, -1))) : Cpu.cores(Number(value));
  }

  plus(other: Cpu): Cpu {
    return new Cpu(this.millis + other.millis);
  }

  times(factor: number): Cpu {
    return new Cpu(Math.round(this.millis * factor));
  }

  /** Kubernetes form: whole cores when exact, millicores otherwise. */
  toString(): string {
    return this.millis % 1000 === 0 ? String(this.millis / 1000) : `${this.millis}m`;
  }
}

/** Binary units, largest first, as Kubernetes quantities write them. */
export const BINARY_UNITS = [
  ["Pi", 2 ** 50],
  ["Ti", 2 ** 40],
  ["Gi", 2 ** 30],
  ["Mi", 2 ** 20],
  ["Ki", 2 ** 10],
] as const;

export class Bytes {
  private constructor(readonly bytes: number) {}

  static of(bytes: number): Bytes {
    return new Bytes(Math.round(bytes));
  }

  static mebibytes(n: number): Bytes {
    return new Bytes(n * 2 ** 20);
  }

  static gibibytes(n: number): Bytes {
    return new Bytes(n * 2 ** 30);
  }

  /** `512Mi`, `64Gi`, `1.5Ti` as written in the declaration. */
  static parse(value: string): Bytes {
    for (const [unit, factor] of BINARY_UNITS) {
      if (value.endsWith(unit)) return new Bytes(Math.round(Number(value.slice(0, -unit.length)) * factor));
    }
    return new Bytes(Number(value));
  }

  plus(other: Bytes): Bytes {
    return new Bytes(this.bytes + other.bytes);
  }

  times(factor: number): Bytes {
    return new Bytes(Math.round(this.bytes * factor));
  }

  /** The largest binary unit that expresses the size exactly: `64Gi`, `1536Mi`. */
  toString(): string {
    for (const [unit, factor] of BINARY_UNITS) {
      if (this.bytes % factor === 0 && this.bytes >= factor) return `${this.bytes / factor}${unit}`;
    }
    return String(this.bytes);
  }
}
