const kit = require('api-kit');
const express = require('express');
const web = require('web-kit');

module.exports.handler = async (event) => kit.handle(express, web, event);
