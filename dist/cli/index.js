#!/usr/bin/env node
import{h as a,l as r,p as i}from"./7LCTHZPF.js";import"./UPUYF2Z3.js";import"./V5TGY5IE.js";var s=`Usage: support-kit <group> [command] [options]

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
Exit status: 0 success, 1 findings (invalid config, drift, incomplete issue), 2 usage error.`,p={init:async(t,o)=>(await import("./TK4FVABU.js")).initCommand(t,o),validate:async(t,o)=>(await import("./NKCNYTWJ.js")).validateCommand(t,o),intake:async(t,o)=>(await import("./WM3B42N5.js")).intakeCommand(t,o),oncall:async(t,o)=>(await import("./NVMN6FI5.js")).oncallCommand(t,o),labels:async(t,o)=>(await import("./GNNABD62.js")).labelsCommand(t,o),report:async(t,o)=>(await import("./W6RVJTIR.js")).reportCommand(t,o),cost:async(t,o)=>(await import("./M23ZZ2FO.js")).costCommand(t,o),emulator:async(t,o)=>(await import("./BWMT5URG.js")).runDevTool("emulator",t,o),demo:async(t,o)=>(await import("./BWMT5URG.js")).runDevTool("demo",t,o)};async function l(t,o=r){let[e,...m]=t;if(!e||e==="--help"||e==="-h"||e==="help")return o.out(s),e?a.ok:a.usage;let n=p[e];return n?i(e,n,m,o):(o.err(`support-kit: unknown group "${e}"

${s}`),a.usage)}process.exitCode=await l(process.argv.slice(2));
