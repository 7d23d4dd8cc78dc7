const kit = require('api-kit');
const express = require('express');

module.exports.handler = async (event) => kit.handle(express, event);
