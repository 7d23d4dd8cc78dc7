// Package entrypoints finds the source files of a project that look like
// function entry points — a JavaScript/TypeScript or Python module that
// exports handler, main or lambda_handler taking (event, context), an Azure
// index.js exporting function (context, req) — and the files any other
// source file imports. Dependencies, tests, build output and examples are
// left out. The access detectors use it to find handler files no manifest
// references (access/orphan-handler) and to point a missing handler at the
// file it probably meant (access/handler-missing).
package entrypoints
