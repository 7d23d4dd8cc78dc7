package source

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestImports(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		src      string
		local    []Import
		packages []string
	}{
		{
			name: "commonjs",
			path: "src/h.js",
			src: lines(
				"const db = require('./db');",
				"const util = require(\"../lib/util\");",
				"const AWS = require('aws-sdk');",
				"const fp = require('lodash/fp');",
				"const fs = require('fs');",
				"const fsp = require('fs/promises');",
				"const path = require('node:path');",
				"const cfg = require(`./config.json`);",
				"const dyn = require('./' + name);",
				"const tpl = require(`./${name}`);",
				"function later() { return require('./lazy'); }",
				"require.resolve('./not-loaded');",
				"// require('./commented')",
				"const s = \"require('./in-string')\";",
				"const db2 = require('./db');"),
			local: []Import{
				{Spec: "./db", Line: 1}, {Spec: "../lib/util", Line: 2},
				{Spec: "./config.json", Line: 8}, {Spec: "./lazy", Line: 11},
			},
			packages: []string{"aws-sdk", "lodash"},
		},
		{
			name: "es modules",
			path: "h.mjs",
			src: lines(
				"import x from './y.js';",
				"import { S3Client } from '@aws-sdk/client-s3';",
				"import * as ddb from '@aws-sdk/lib-dynamodb/dist/index.js';",
				"import './side-effect.mjs';",
				"export * from './w.mjs';",
				"export { a } from './v.mjs';",
				"export const h = async () => (await import('./z.mjs')).run();",
				"import crypto from 'node:crypto';",
				"import internal from '#internal/db';",
				"import remote from 'https://example.com/x.js';",
				"import events from 'events';"),
			local: []Import{
				{Spec: "./y.js", Line: 1}, {Spec: "./side-effect.mjs", Line: 4},
				{Spec: "./w.mjs", Line: 5}, {Spec: "./v.mjs", Line: 6}, {Spec: "./z.mjs", Line: 7},
			},
			packages: []string{"@aws-sdk/client-s3", "@aws-sdk/lib-dynamodb"},
		},
		{
			name: "typescript type-only imports load nothing",
			path: "h.ts",
			src: lines(
				"import type { Handler } from 'aws-lambda';",
				"import type { Row } from './types';",
				"import { type A, b } from './mixed';",
				"export type { T } from './t';",
				"import fs = require('./fs-wrapper');",
				"import middy from '@middy/core';"),
			local:    []Import{{Spec: "./mixed", Line: 3}, {Spec: "./fs-wrapper", Line: 5}},
			packages: []string{"@middy/core"},
		},
		{
			name: "junk specifiers are not packages",
			path: "h.js",
			src: lines(
				"require('');",
				"require('@');",
				"require('@scope');",
				"require('has space');",
				"require('.hidden');",
				"require(42);"),
			local:    nil,
			packages: []string{},
		},
		{
			name: "python",
			path: "pkg/h.py",
			src: lines(
				"from . import models, views as v",
				"from .mod import y",
				"from ..shared.db import connect",
				"import pkg.mod, os.path as p",
				"from utils.sub import (z,",
				"    w)",
				"from __future__ import annotations",
				"import json, boto3",
				"from botocore.exceptions import ClientError",
				"from .star import *",
				"def f():",
				"    import requests",
				"    from . import lazy",
				"# import commented",
				"S = 'import in_string'"),
			local: []Import{
				{Spec: ".", Name: "models", Line: 1}, {Spec: ".", Name: "views", Line: 1},
				{Spec: ".mod", Name: "y", Line: 2}, {Spec: "..shared.db", Name: "connect", Line: 3},
				{Spec: "pkg.mod", Line: 4}, {Spec: "utils.sub", Name: "z", Line: 5},
				{Spec: "utils.sub", Name: "w", Line: 5}, {Spec: "boto3", Line: 8},
				{Spec: "botocore.exceptions", Name: "ClientError", Line: 9},
				{Spec: ".star", Line: 10}, {Spec: "requests", Line: 12},
				{Spec: ".", Name: "lazy", Line: 13},
			},
			packages: []string{"boto3", "botocore", "pkg", "requests", "utils"},
		},
		{
			name: "python odd spacing",
			path: "h.py",
			src:  "from . mod import x\nimport a . b\n",
			local: []Import{
				{Spec: ".mod", Name: "x", Line: 1}, {Spec: "a.b", Line: 2},
			},
			packages: []string{"a"},
		},
		{
			name: "go",
			path: "main.go",
			src: lines(
				"package main",
				"import (",
				"\t\"context\"",
				"\t\"net/http\"",
				"\tlambda \"github.com/aws/aws-lambda-go/lambda\"",
				"\t_ \"example.com/app/internal/db\"",
				")",
				"import `gopkg.in/yaml.v3`"),
			local:    nil,
			packages: []string{"example.com/app/internal/db", "github.com/aws/aws-lambda-go/lambda", "gopkg.in/yaml.v3"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := mustParse(t, tc.path, tc.src)
			if diff := cmp.Diff(tc.local, f.LocalImports(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("LocalImports (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.packages, f.Packages(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Packages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNpmPackage(t *testing.T) {
	tests := map[string]string{
		"lodash":                       "lodash",
		"lodash/fp":                    "lodash",
		"@aws-sdk/client-s3":           "@aws-sdk/client-s3",
		"@aws-sdk/client-s3/dist/x.js": "@aws-sdk/client-s3",
		"@scope":                       "",
		"@/x":                          "",
		"fs":                           "",
		"fs/promises":                  "",
		"node:fs":                      "",
		"./x":                          "",
		"/abs/x":                       "",
		"#priv":                        "",
		"UPPER":                        "UPPER",
		"a b":                          "",
		"":                             "",
	}
	for spec, want := range tests {
		if got := npmPackage(spec); got != want {
			t.Errorf("npmPackage(%q) = %q, want %q", spec, got, want)
		}
	}
}

func TestImportRelative(t *testing.T) {
	for spec, want := range map[string]bool{"./x": true, "..a.b": true, ".": true, "pkg.mod": false, "lodash": false} {
		if got := (Import{Spec: spec}).Relative(); got != want {
			t.Errorf("Import{%q}.Relative() = %v", spec, got)
		}
	}
}
