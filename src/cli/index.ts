#!/usr/bin/env node
console.log('cli placeholder for build test');
