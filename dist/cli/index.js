#!/usr/bin/env node
import{b as a,f as r,j as i}from"./J7XQBYSI.js";var s=`Usage: support-kit <group> [command] [options]

Groups:
  init        set a repository up as a support desk from a preset
  validate    check the config folder (file:line:column for every problem)
  intake      check an issue against the templates and intake.yaml
  labels      plan, apply or check the label sync of labels.yaml
  oncall      who is on call and why, the coming shifts, calendars (.ics), holiday suggestions
  report      the weekly report: print it, or open and update the week's issue
  emulator    run the GitHub emulator on loopback (development tool: a clone only)
  demo        play a support week against the emulator through the real action bundles
              (development tool: a clone only, same as npm start)

Run support-kit <group> --help for a group's options.
Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
Exit status: 0 success, 1 findings (invalid config, drift, incomplete issue), 2 usage error.`,m={init:async(e,o)=>(await import("./7UYWLFKC.js")).initCommand(e,o),validate:async(e,o)=>(await import("./U3JL347L.js")).validateCommand(e,o),intake:async(e,o)=>(await import("./LS245E4Y.js")).intakeCommand(e,o),oncall:async(e,o)=>(await import("./YKJUGWVM.js")).oncallCommand(e,o),labels:async(e,o)=>(await import("./CHT5Q7JZ.js")).labelsCommand(e,o),report:async(e,o)=>(await import("./PIBLPDZJ.js")).reportCommand(e,o),emulator:async(e,o)=>(await import("./LUMYNTGO.js")).runDevTool("emulator",e,o),demo:async(e,o)=>(await import("./LUMYNTGO.js")).runDevTool("demo",e,o)};async function l(e,o=r){let[t,...p]=e;if(!t||t==="--help"||t==="-h"||t==="help")return o.out(s),t?a.ok:a.usage;let n=m[t];return n?i(t,n,p,o):(o.err(`support-kit: unknown group "${t}"

${s}`),a.usage)}process.exitCode=await l(process.argv.slice(2));
