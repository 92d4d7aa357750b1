#!/usr/bin/env node
// Runs the TypeScript CLI through tsx: @org/codegen is a private workspace tool, never built.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../src/cli.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2));
