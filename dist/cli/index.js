#!/usr/bin/env node
import{K as a,O as r,S as s}from"./OO2FQTKG.js";import"./P6QLDU5U.js";import"./KY4HKA2B.js";var i=`Usage: support-kit <group> [command] [options]

Groups:
  init        set a repository up as a support desk from a preset
  validate    check the config folder (file:line:column for every problem)
  intake      check an issue against the templates and intake.yaml
  labels      plan, apply or check the label sync of labels.yaml
  oncall      who is on call and why, the coming shifts, calendars (.ics), holiday suggestions
  report      the weekly report: print it, or open and update the week's issue
  cost        the Actions minutes a month the desk bills, by tick interval
  emulator    run the GitHub emulator on loopback (development tool: a clone only)
  demo        play a support week against the emulator through the real action bundles
              (development tool: a clone only, same as npm start)

Run support-kit <group> --help for a group's options.
Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
Exit status: 0 success, 1 findings (invalid config, drift, incomplete issue), 2 usage error.`,m={init:async(t,o)=>(await import("./BECVR4XM.js")).initCommand(t,o),validate:async(t,o)=>(await import("./TKFVFIMA.js")).validateCommand(t,o),intake:async(t,o)=>(await import("./BV6QOQZZ.js")).intakeCommand(t,o),oncall:async(t,o)=>(await import("./C6TDG76C.js")).oncallCommand(t,o),labels:async(t,o)=>(await import("./R62VISXP.js")).labelsCommand(t,o),report:async(t,o)=>(await import("./FPWUNCGM.js")).reportCommand(t,o),cost:async(t,o)=>(await import("./3AOKR5JM.js")).costCommand(t,o),emulator:async(t,o)=>(await import("./IB3YZARP.js")).runDevTool("emulator",t,o),demo:async(t,o)=>(await import("./IB3YZARP.js")).runDevTool("demo",t,o)};async function p(t,o=r){let[e,...l]=t;if(!e||e==="--help"||e==="-h"||e==="help")return o.out(i),e?a.ok:a.usage;let n=m[e];return n?s(e,n,l,o):(o.err(`support-kit: unknown group "${e}"

${i}`),a.usage)}for(let t of[process.stdout,process.stderr])t.on("error",o=>{throw o.code==="EPIPE"&&process.exit(process.exitCode??0),o});process.exitCode=await p(process.argv.slice(2));
