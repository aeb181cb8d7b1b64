#!/usr/bin/env node
import{a as s,b as a,c as i}from"./RVQEYHQ5.js";var p=`Usage: support-kit <group> [command] [options]

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
Exit status: 0 success, 1 findings (invalid config, drift, incomplete issue), 2 usage error.`,u={init:async(o,e)=>(await import("./7EA6YAYS.js")).initCommand(o,e),validate:async(o,e)=>(await import("./RESIQVCI.js")).validateCommand(o,e),intake:async(o,e)=>(await import("./44HERF7W.js")).intakeCommand(o,e),oncall:async(o,e)=>(await import("./SXAYCN44.js")).oncallCommand(o,e),labels:async(o,e)=>(await import("./O5FU7GWN.js")).labelsCommand(o,e),report:async(o,e)=>(await import("./3SZCMVQM.js")).reportCommand(o,e),emulator:async(o,e)=>(await import("./RKECTI3G.js")).runDevTool("emulator",o,e),demo:async(o,e)=>(await import("./RKECTI3G.js")).runDevTool("demo",o,e)};async function l(o,e=i){let[t,...m]=o;if(!t||t==="--help"||t==="-h"||t==="help")return e.out(p),t?a.ok:a.usage;let n=u[t];if(!n)return e.err(`support-kit: unknown group "${t}"

${p}`),a.usage;try{return await n(m,e)}catch(r){return r instanceof s?(e.err(`support-kit ${t}: ${r.message}

${r.help}`),a.usage):(e.err(`support-kit ${t}: ${r.message}`),a.findings)}}process.exitCode=await l(process.argv.slice(2));
