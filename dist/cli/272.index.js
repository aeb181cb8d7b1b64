const we=272,ve=[272],ke={5272:((K,k,s)=>{s.r(k),s.d(k,{demoCommand:()=>oe});var u=s(1455),N=s(6760),d=s(830),S=s(6657);const e={complete:{title:"[Escalation]: Engine restarts after upgrade to 17.06 on production nodes",labels:["escalation"],answers:S.ESCALATION_ANSWERS},sparse:{title:"[Escalation]: Overlay network drops packets between nodes",labels:["escalation"],answers:{...S.ESCALATION_ANSWERS,"Problem or feature request":"Overlay network drops packets between nodes since Monday; services time out.",Severity:"N/A",Area:"network",Logs:"_No response_"},lacks:'no logs, severity "N/A"'},fix:{answers:{Severity:"sev 2",Logs:"```\nkernel: vxlan: fdb lookup failed for 10.0.9.4\n```"},adds:'adds the logs and "sev 2"'},team:["alice","bob","chloe","dan","emma","fred","escalation-leads"]},l={"Diagnostics ID":"1A2B3C4D-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123081500",Logs:"- [x] The diagnose tool uploaded the logs without an error","What changed before it broke?":"An upgrade","Steps to reproduce":`1. Upgrade to 4.37 from the menu
2. Restart the app
3. Run docker ps: it hangs forever`,"Expected and actual behaviour":"docker ps lists the containers; instead it never returns.","OS and version":"macOS 15.2"},A={"Kind of request":"Something is down or degraded",Area:"An application","Cluster, namespace or application":"smaug / opf-observatorium","What happened":"The Grafana dashboards of our namespace show no data since 07:40 this morning.","Logs or screenshots":"_No response_"},b={Customer:"Initech","Escalated by":"TAM",Severity:"S1-broken","Outage started at":"2026-11-23 07:50 UTC",Impact:"Nobody at Initech can post messages: every post times out after 30 seconds, 4,000 users.",Environment:"Production",Database:"PostgreSQL","System information":"Server 10.2.1, 3 app nodes (8 CPU, 32 GB), PostgreSQL 15 primary (16 CPU, 64 GB)","Support bundle and slow query log":"Support bundle attached; slow query log to follow."},T={"Reported by":"Dana Whitfield, dana@example.org","How it came in":"Hotline call","Where it runs":"SCF",Version:"3.4.2","What happened":"Opening a 2 TB Silo database on the SCF hangs the viewer at 40% with no error.","What was tried so far":"Checked the known issues; none matches."},U={escalation:e,"support-triage":{complete:{title:"[Problem]: docker ps hangs after upgrading to 4.37",labels:["support"],answers:l},sparse:{title:"[Problem]: Containers lose DNS when the VPN connects",labels:["support"],answers:{...l,"Diagnostics ID":"n/a","Steps to reproduce":`1.
2.
3.`},lacks:"no diagnostics id, no steps"},fix:{answers:{"Diagnostics ID":"9F8E7D6C-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123101500","Steps to reproduce":`1. Connect the corporate VPN
2. docker run alpine nslookup example.com`},adds:"adds the diagnostics id and the steps"},team:[]},"daily-rotation":{complete:{title:"[Ops]: Grafana shows no data for opf-observatorium",labels:["support"],answers:A},sparse:{title:"[Ops]: Access please",labels:["support"],answers:{...A,"Kind of request":"A change to make",Area:"Access and permissions","What happened":"need access"},lacks:'says only "need access"'},fix:{answers:{"What happened":"Please add me (user lena) to the opf-datacatalog admins group: I took over the project."},adds:"says which access, and why"},team:["ana","ben","cyril","dora","emil","fay"]},"sev1-playbook":{complete:{title:"[Outage]: Initech cannot post messages",labels:["incident"],answers:b},sparse:{title:"[Outage]: Globex channel switching is slow",labels:["incident"],answers:{...b,Customer:"Globex",Severity:"P1",Impact:"slow","System information":"?"},lacks:'severity "P1", no impact, no system information'},fix:{answers:{Severity:"S2-major",Impact:"Channel switching takes 20 seconds for the 600 users of Globex; posting still works.","System information":"Server 10.1.4, 2 app nodes (4 CPU, 16 GB), MySQL 8 (8 CPU, 32 GB)"},adds:"gives the severity, the impact and the system"},team:["jordan","priya","sam","tomas"]},"live-incident":{complete:{title:"[Incident]: Viewer hangs opening a Silo database on the SCF",labels:["incident"],answers:T},sparse:{title:"[Incident]: The viewer crashes when saving a movie",labels:["incident"],answers:{...T,Version:"","What happened":"crash"},lacks:'no version, "crash"'},fix:{answers:{Version:"3.4.2","What happened":"The viewer crashes with a segmentation fault when it saves a movie."},adds:"gives the version and what crashed"},team:["amy","luc","ivy","noah","zoe"]}};function P(m){return U[m]??e}var $=s(7911),E=s(7485);const f="acme",p="escalations",n=`${f}/${p}`,j=".github/support-kit";async function oe(m,t){const{values:c}=(0,E.g0)(m,{preset:{type:"string",default:"escalation"},keep:{type:"boolean"}},$.Ep);if(c.help)return t.out($.Ep),E.dc.ok;const[{startEmulator:D,webhookPayload:h},{runAction:I,projectRoot:G,node24:B},{presetFiles:le},{formBody:V}]=await Promise.all([Promise.all([s.e(815),s.e(645),s.e(232)]).then(s.bind(s,8232)),s.e(891).then(s.bind(s,2891)),Promise.resolve().then(s.bind(s,6657)),s.e(981).then(s.bind(s,6981))]),X=(0,N.join)(G(),"config","presets");if(!(await(0,u.readdir)(X)).includes(c.preset))throw new E.eb(`unknown preset "${c.preset}"; presets: ${(await(0,u.readdir)(X)).join(", ")}`,$.Ep);const M=le(G(),c.preset),g=P(c.preset),y=await D({now:"2026-11-23T08:12:00Z",seed:{users:[{login:"customer-eng",name:"Customer engineering"},{login:"amy",name:"Amy (SFO)"},{login:"luc",name:"Luc (Paris)"},{login:"ivy",name:"Ivy (Cambridge)"}],repos:[{owner:f,name:p,collaborators:["amy","luc","ivy","alice","bob","chloe","dan","emma","fred","escalation-leads",...g.team],files:M}]}});try{t.out("support-kit demo: a short support story against the GitHub emulator"),t.out(`  preset      ${c.preset} (config/presets/${c.preset}: ${Object.keys(M).map(i=>i.split("/").pop()).join(", ")})`),t.out(`  repository  ${n} on ${y.url}`),t.out(`  runtime     the committed bundles in dist/ under ${await ie(B())}`);const r=y.store,x=r.createIssue(n,{title:g.complete.title,body:V(g.complete.answers),user:"customer-eng",labels:g.complete.labels}),_=V(g.sparse.answers),R=r.createIssue(n,{title:g.sparse.title,body:_,user:"customer-eng",labels:g.sparse.labels}),de=V({...g.sparse.answers,...g.fix.answers}),ue=M[`${j}/labels.yaml`]??`labels:
`;for(const i of["bug","documentation","duplicate","enhancement","invalid","question","sev1"])r.createLabel(n,{name:i,color:"ededed"});r.addLabels(n,x.number,["sev1"]);const Z=`${ue}
  # Renamed: issues labelled sev1 keep their label under the new name.
  - name: S1-watchlist
    color: d93f0b
    description: Severity 1 on a watchlist account
    aliases: [sev1]
`,z="c3".repeat(20);r.setFile(n,`${j}/labels.yaml`,Z,z);const ce=Z.replace(/color: "?([0-9a-fA-F]{5})[0-9a-fA-F]"?/,"color: $1"),O=r.createIssue(n,{title:"Tune the severity labels",user:"amy",pull_request:!0}),ee=(i,o)=>{O.pull_request&&(O.pull_request.head_sha=i),r.setFile(n,`${j}/labels.yaml`,o,i)},Q=[{title:`@amy pushes labels.yaml (the ${c.preset} preset plus a renamed sev1) to main`,action:"labels",event:{name:"push",payload:h(r,"push",{repo:n,after:z,sender:"amy",commits:[{id:z,message:"Adopt the escalation labels",modified:[`${j}/labels.yaml`]}]})}},{title:`@customer-eng opens #${x.number} "${x.title}" with every answer`,action:"all",event:{name:"issues",payload:h(r,"issues",{repo:n,action:"opened",number:x.number})}},{title:`@customer-eng opens #${R.number} "${R.title}": ${g.sparse.lacks}`,action:"intake",event:{name:"issues",payload:h(r,"issues",{repo:n,action:"opened",number:R.number})}},{title:`@customer-eng edits #${R.number}: ${g.fix.adds}`,action:"intake",before:()=>r.updateIssue(n,R.number,{body:de},{actor:"customer-eng"}),event:{name:"issues",payload:{}}},{title:"someone stars the repository (an event no capability acts on)",action:"intake",event:{name:"watch",payload:{action:"started"}}},{title:`@amy opens pull request #${O.number} "${O.title}" with a colour one digit short`,action:"all",fails:!0,before:()=>ee("a1".repeat(20),ce),event:{name:"pull_request",payload:{}}},{title:`@amy pushes a fix to #${O.number} that also prunes "invalid"`,action:"all",before:()=>ee("b2".repeat(20),`prune: true
exclude: [documentation, duplicate]
${Z}`),event:{name:"pull_request",payload:{}}},{title:`the check on #${O.number} is re-run on the same commit`,action:"validate",event:{name:"pull_request",payload:{}}}];/follow-the-sun:/.test(M[`${j}/roster.yaml`]??"")&&Q.push(...ae(r,h));let te=0;const H=[];for(const[i,o]of Q.entries()){o.before?.();const W=o.lazyEvent?o.lazyEvent():o.event.name==="issues"&&Object.keys(o.event.payload).length===0?{name:"issues",payload:h(r,"issues",{repo:n,action:"edited",number:R.number,changes:{body:{from:_}}})}:o.event.name==="pull_request"?{name:"pull_request",payload:h(r,"pull_request",{repo:n,action:o.title.includes("opens pull request")?"opened":"synchronize",number:O.number})}:o.event;y.resetRequests();const he=new Map(r.repo(n).issues.map(a=>[a.number,a.comments.map(v=>v.updated_at+v.body)])),me=Date.now(),w=await I({action:o.action,apiUrl:y.url,repo:n,event:W,...o.inputs?{inputs:o.inputs}:{},...o.env?{env:o.env}:{}}),fe=Date.now()-me;w.exitCode!==0!==(o.fails??!1)&&H.push(`step ${i+1} (dist/${o.action}) exited ${w.exitCode}, expected ${o.fails?"a failure":"0"}${w.exitCode?`: ${J(w.stderr||w.stdout)}`:""}`);const q=[...y.requests];te+=q.length;const ge=q.filter(a=>a.method!=="GET").length;t.out(""),t.out(`${i+1}. ${o.title}`),t.out(`   ▸ dist/${o.action} on ${W.name}${"action"in W.payload?`.${String(W.payload.action)}`:""}: exit ${w.exitCode}${w.exitCode?" (the check fails)":""}, ${q.length} API request(s), ${ge} write(s), ${fe} ms`);const se=/nothing to do[^\n]*/.exec(w.stdout);se&&t.out(`     ${se[0]}`);for(const a of w.annotations)t.out(`     annotation ${a.level}${a.file?` ${a.file}:${a.line??1}:${a.col??1}`:""}: ${a.message.split(`
`)[0]}`);for(const a of re(w.outputs.plan)){const v=a.operations.filter(C=>C.kind!=="keep-label"),L=a.operations.length-v.length;t.out(`     ${a.capability}: ${v.length} operation(s)${L?`, ${L} label(s) left as they are`:""}${a.preview?" (preview, not applied)":""}${a.notes.length?`; ${a.notes.join("; ")}`:""}`);for(const C of v.slice(0,6))t.out(`       - ${(0,d.f)(C)}: ${(0,d.u)(C)} (${C.reason})`);v.length>6&&t.out(`       - ... and ${v.length-6} more`)}for(const a of r.repo(n).issues){const v=he.get(a.number)??[];a.comments.forEach((L,C)=>{const ne=v[C];if(ne!==L.updated_at+L.body){t.out(`     comment on #${a.number} ${ne===void 0?"created":"updated in place"} by @${L.user} (#${a.number} has ${a.comments.length} comment(s)):`);for(const ye of L.body.split(`
`).filter(be=>!be.startsWith("<!--")))t.out(`       │ ${ye}`)}})}}t.out(""),t.out(`Done: ${Q.length} events, ${te} API requests in all.`);const pe=r.issue(n,x.number).labels.map(i=>i.name);t.out(`Labels on #${x.number}: ${pe.join(", ")} (it had sev1; the rename kept it on the issue).`),t.out(`Repository labels: ${r.repo(n).labels.length}; "invalid" stays until the pull request that prunes it is merged.`),y.resetRequests();const F=await I({action:"report",apiUrl:y.url,repo:n,event:{name:"workflow_dispatch",payload:h(r,"workflow_dispatch",{repo:n})},inputs:{week:"2026-W48"},env:{SUPPORT_KIT_NOW:"2026-11-23T18:00:00Z"}});F.exitCode!==0&&H.push(`the weekly report (dist/report) exited ${F.exitCode}: ${J(F.stderr||F.stdout)}`);const Y=r.repo(n).issues.find(i=>i.labels.some(o=>o.name==="support-kit/report"));t.out(""),t.out(`The weekly report: dist/report exit ${F.exitCode}, ${y.requests.length} API request(s); it opened #${Y?.number??"?"} "${Y?.title??""}":`);for(const i of(Y?.body??"").split(`
`).filter(o=>!o.startsWith("<!--")))t.out(`  │ ${i}`);if(c.keep&&(t.out(`The emulator keeps running at ${y.url} (state at ${y.url}/_emulator/state). Ctrl-C to stop.`),await new Promise(i=>{process.once("SIGINT",()=>i()),process.once("SIGTERM",()=>i())})),H.length>0){t.err(`support-kit demo: ${H.length} run(s) did not end as the story needs:`);for(const i of H)t.err(`  ${i}`);return E.dc.findings}return E.dc.ok}finally{await y.close()}}function ae(m,t){const c=(h,I,G)=>{let B=0;return{title:`${G}: @customer-eng opens "${h}" (S1)`,action:"oncall",env:{SUPPORT_KIT_NOW:I},event:{name:"issues",payload:{}},before:()=>{B=m.createIssue(n,{title:h,user:"customer-eng",labels:["S1-broken"],created_at:I}).number},lazyEvent:()=>({name:"issues",payload:t(m,"issues",{repo:n,action:"opened",number:B})})}},D=(h,I)=>({title:`${I}: the scheduled on-call run (cron */15, a few minutes late as usual)`,action:"oncall",env:{SUPPORT_KIT_NOW:h},event:{name:"schedule",payload:{schedule:"7,22,37,52 * * * *"}}});return[c("Cluster unreachable after certificate rotation","2026-03-26T02:00:00Z","A follow-the-sun day in a DST week. 03:00 Paris (19:00 San Francisco, the evening gap)"),D("2026-03-26T07:07:00Z","08:07 Paris"),c("Backups fail on the Lyon site","2026-03-26T09:30:00Z","10:30 Paris"),c("Dashboards blank for EMEA customers","2026-03-26T13:30:00Z","13:30 Cambridge"),c("API latency doubled since 08:00","2026-03-26T16:10:00Z","09:10 San Francisco"),D("2026-03-26T16:22:00Z","09:22 San Francisco")]}function re(m){if(!m)return[];const t=JSON.parse(m);return Array.isArray(t)?t:[t]}async function ie(m){const{execFile:t}=await Promise.resolve().then(s.t.bind(s,1421,23));return new Promise(c=>t(m,["--version"],(D,h)=>c(`Node ${String(h).trim()}`)))}function J(m){return m.trim().split(`
`).filter(t=>t.trim()).at(-1)??""}}),7911:((K,k,s)=>{s.d(k,{Ep:()=>d,Fb:()=>A,Ig:()=>l,Qx:()=>S,Ur:()=>N,jU:()=>b,rl:()=>e,zg:()=>u});const u=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

Checks the support-kit config: YAML syntax, the JSON Schemas in config/schema/ and the
checks a schema cannot express; the issue forms in .github/ISSUE_TEMPLATE and the templates and
fields intake.yaml names in them; and the roster for the next 14 days (overlapping overrides,
undeclared gaps, role collisions). The past a roster change would rewrite and who GitHub can
assign are checked on pull requests. Every problem is printed as file:line:column.

Options:
  --config PATH   the config folder or one file in it, relative or absolute
                  (default .github/support-kit)
  --repo o/name   read the config from that repository through the API instead of the disk
                  (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  --ref REF       with --repo: the branch, tag or commit to read (default: the default branch)
  --json          print {"valid": bool, "files": [...], "templates": [...], "problems": [...]}
  -h, --help      show this help

Exit status: 0 valid, 1 problems found, 2 usage error.`,N=`Usage: support-kit emulator [--port N] [--host ADDR] [--seed FILE]

Runs the GitHub emulator the kit's tests use: a stateful in-memory GitHub (REST and GraphQL)
on loopback. Prints its URL, then serves until stopped (Ctrl-C). Point GITHUB_API_URL at it.
The seed format is documented in docs/emulator.md.

Options:
  --port N      port to listen on; 0 picks a free one (default 0)
  --host ADDR   address to bind (default 127.0.0.1; loopback only)
  --seed FILE   JSON or YAML seed with users, repositories, labels, issues and files
  -h, --help    show this help`,d=`Usage: support-kit demo [--preset NAME] [--keep]

Plays a short support story against the GitHub emulator through the real action bundles
(dist/<name>/index.js under Node 24, with the environment a runner sets) and prints what
happened: the config each action read, its plan, the comments and annotations it wrote,
and how many API requests it cost.

Options:
  --preset NAME   the preset the sample repository is configured from (default escalation;
                  the issues in the story are written on the escalation form)
  --keep          keep the emulator running afterwards and print its URL (Ctrl-C to stop)
  -h, --help      show this help`,S=`Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

Makes a repository's labels follow labels.yaml, the way the labels action does on push.
  plan    show what apply would do (nothing is written)
  apply   create, update, rename and (with prune) delete labels
  check   change nothing; exit 1 when the labels have drifted from labels.yaml

Options:
  --repo o/name          the repository the sync runs for (its labels, unless labels.yaml names others)
  --config PATH          labels.yaml, or the config folder holding it (default .github/support-kit)
  --dry-run              with apply: decide and print, write nothing
  --allow-mass-delete    let a prune through that deletes more than the brake allows
  --json                 print {"plans": [...], "problems": [...], "failures": [...]}
  -h, --help             show this help

Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
Exit status: 0 done (or in sync), 1 drift, a held brake, config errors or failed writes, 2 usage error.`,e=`Usage: support-kit intake check (--issue FILE.json | --body FILE.md [--title T]) [options]

Judges one issue the way the intake action does: which template applies, what is missing
and why, and which labels its answers bring. Nothing is sent to GitHub.

Options:
  --issue FILE.json     an issue as GitHub's API returns it (or an issues event payload)
  --body FILE.md        the issue body as markdown; with --title for its title
  --title T             the issue title (default: the one in --issue, else "")
  --config PATH         the config folder holding intake.yaml (default .github/support-kit)
  --templates DIR       the issue templates (default .github/ISSUE_TEMPLATE)
  --json                print {"complete": bool, "template": name, "missing": [{"field", "reason"}], "labels": [...]}
  -h, --help            show this help

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`,l=`Usage: support-kit oncall <who|preview|ics|holidays> [options]

Reads roster.yaml; nothing is sent to GitHub.
  who        who is on call at an instant, and why: the rotation turn, an override, a leave,
             or a gap and when coverage resumes
  preview    every shift over a range, with each holder's local time
  ics        the shifts as an iCalendar (RFC 5545) file to subscribe to
  holidays   a draft of a site's holidays, as YAML to review and paste into roster.yaml

  support-kit oncall who [--at ISO-8601] [--schedule S] [--config PATH] [--json]
  support-kit oncall preview [--from DATE] [--days N] [--schedule S] [--config PATH] [--json|--markdown]
  support-kit oncall ics [--schedule S] [--person LOGIN] [--from DATE] [--days N] [--out FILE] [--config PATH]
  support-kit oncall holidays --site S --year Y [--config PATH] [--country CC [--region R]]

Options:
  --config PATH      roster.yaml, or the config folder holding it (default .github/support-kit)
  --schedule S       one schedule (who, preview: default every schedule; ics: its calendar,
                     needed unless --person is given or the roster has one schedule)
  --at ISO-8601      who: the instant, with its offset (2026-03-29T03:00+02:00) or Z; default now
  --json             who: print {"at": ISO, "assignments": [{"schedule", "role", "login" (null in a
                     gap), "until" (ISO or null), "reason"}]}; preview: print {"from", "to",
                     "schedules": {name: [{"start", "end", "coverage", "layer", "assignees",
                     "declaredGap"}]}} (UTC instants)
  --markdown         preview: the tables of the pull-request comment
  --from DATE        preview, ics: first day (2026-03-09, from 00:00 UTC) or an instant with its
                     offset; default today
  --days N           preview, ics: how many days, 1 to 3660 (default 14 for preview, 90 for ics)
  --person LOGIN     ics: one person's shifts across every schedule (with --schedule: in that one)
  --out FILE         ics: write the calendar to FILE instead of printing it
  --site S           holidays: the site the list is for
  --year Y           holidays: the year
  --country CC       holidays: the country (GB, FR, US); default: the one the site's zone in the
                     roster belongs to, when only one country uses that zone and it has no regions
  --region R         holidays: a region of the country (ENG, CA, MA) with holidays of its own
  -h, --help         show this help

Calendar events are in UTC with stable UIDs (schedule, role, start) and a SEQUENCE that grows
with the generation time; SUPPORT_KIT_NOW (ISO) fixes the clock. Holidays come from the
date-holidays package (data CC BY-SA 3.0) and are only a draft: commit the dates you keep.

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`,A=`Usage: support-kit init [--preset NAME] [--dir PATH] [--force]

Sets a repository up as a support desk: writes the caller workflows
(.github/workflows/support-kit-*.yml), the preset's config (.github/support-kit/) and its issue
form (.github/ISSUE_TEMPLATE/), then prints what is left to do by hand (secrets, branch
protection). Nothing is sent to GitHub.

Presets, one per support process:
  escalation       escalation repository, follow-the-sun on-call with a declared gap (default)
  support-triage   L1/L2/L3 support with quality checks and a status lifecycle
  daily-rotation   one on-call engineer per working day, shuffled at the end of the list
  sev1-playbook    Sev 1 outage playbook: checklist, customer updates, retrospective
  live-incident    weekly primary and backup, business hours, one-hour response goal

Options:
  --preset NAME   the preset to scaffold (default escalation)
  --dir PATH      the repository's root folder (default: the current folder)
  --force         overwrite files that exist; without it, init lists them and writes nothing
  -h, --help      show this help

Exit status: 0 written, 1 files exist (nothing written), 2 usage error (unknown preset).`,b=`Usage: support-kit report --repo owner/name[,owner/name2] [--week 2026-W47] [options]

Builds the weekly report as the scheduled workflow does: opened vs closed, first response
and resolution times (mean, median, p90, with the issues not measured yet), the response goal
and its breaches on the roster's business hours, stale issues, who is on call. Prints the
markdown. Without --dry-run it also opens or updates the week's report issue in the first
repository and closes the earlier ones. It recognises the reports written by a bot or by the
token's own user, so re-running it updates its report; a workflow finds only the reports a bot
wrote (use the workflow token or a GitHub App token there).

Options:
  --repo LIST     repositories that feed the report, comma-separated; the issue goes to the first
  --week ID       the ISO week (default: the one report.yaml says, the last complete week)
  --config PATH   the config folder (default .github/support-kit): report.yaml, roster.yaml
  --dry-run       decide and print, write nothing
  --json          print the metrics as JSON instead of the markdown
  -h, --help      show this help

Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
SUPPORT_KIT_NOW (an ISO instant) sets the clock, for tests and for reproducing a past run.
Exit status: 0 done, 1 config errors or a refused write, 2 usage error.`}),830:((K,k,s)=>{s.d(k,{f:()=>u,u:()=>N});function u(e){switch(e.kind){case"upsert-issue":return`issue marked ${S(e.marker.kind,e.marker.keys)}`;case"create-label":case"update-label":case"delete-label":case"keep-label":return`label "${e.name}"`;case"upsert-comment":case"notify":return typeof e.issue=="number"?`#${e.issue}`:`issue marked ${S(e.issue.marker.kind,e.issue.marker.keys)}`;default:return`#${e.issue}`}}function N(e){switch(e.kind){case"add-labels":return`add label${e.labels.length>1?"s":""} ${e.labels.map(d).join(", ")}`;case"remove-labels":return`remove label${e.labels.length>1?"s":""} ${e.labels.map(d).join(", ")}`;case"edit-labels":return[e.add.length?`add ${e.add.map(d).join(", ")}`:"",e.remove.length?`remove ${e.remove.map(d).join(", ")}`:""].filter(Boolean).join(", ");case"add-assignees":return`assign ${e.assignees.join(", ")}${e.fallback?` (else ${e.fallback})`:""}`;case"remove-assignees":return`unassign ${e.assignees.join(", ")}`;case"reassign":return`reassign from ${e.from} to ${e.to}`;case"upsert-comment":return`write the ${e.marker.kind} comment`;case"upsert-issue":return`write issue "${e.title}"`;case"update-issue":{const l=[];return e.state&&l.push(e.stateReason?`${e.state} (${e.stateReason})`:e.state),e.title!==void 0&&l.push(`retitle "${e.title}"`),l.length>0?`set ${l.join(", ")}`:"update"}case"create-label":return`create (#${e.color}${e.description?`, "${e.description}"`:""})`;case"update-label":{const l=[];return e.newName!==void 0&&l.push(`rename to "${e.newName}"`),e.color!==void 0&&l.push(`colour #${e.color}`),e.description!==void 0&&l.push(e.description?`description "${e.description}"`:"clear description"),l.join(", ")||"update"}case"delete-label":return"delete";case"keep-label":return"keep";case"notify":return`notify ${e.channel==="pagerduty"?"PagerDuty":"the webhook"} (${e.key})`}}function d(e){return`"${e}"`}function S(e,l){const A=Object.entries(l).map(([b,T])=>`${b}=${T}`);return[e,...A].join(" ")}}),6657:((K,k,s)=>{s.r(k),s.d(k,{ESCALATION_ANSWERS:()=>e,escalationBody:()=>l,presetFiles:()=>A});var u=s(3024),N=s.n(u),d=s(6760),S=s.n(d);const e={"Problem or feature request":"After the upgrade to 17.06 the engine restarts every few minutes on three production nodes; the customer cannot deploy.",Customer:"Initech","Reported by":"Existing deployment",Environment:"Production",Severity:"S1-broken",Type:"bug",Version:"17.06 (ucp: 2.2, dtr: 2.3)",Workaround:"- [ ] A workaround is available",Area:"engine",Logs:"```\nengine[812]: panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:\n```"};function l(b={}){return Object.entries({...e,...b}).map(([T,U])=>`### ${T}

${U}
`).join(`
`)}function A(b,T,U=".github/support-kit"){const P=(0,d.join)(b,"config","presets",T),$={};for(const f of(0,u.readdirSync)(P).filter(p=>/\.ya?ml$/.test(p)))$[`${U}/${f}`]=(0,u.readFileSync)((0,d.join)(P,f),"utf8");for(const f of(0,u.readdirSync)(P,{withFileTypes:!0}).filter(p=>p.isDirectory()&&p.name!=="ISSUE_TEMPLATE"))for(const p of(0,u.readdirSync)((0,d.join)(P,f.name)))$[`${U}/${f.name}/${p}`]=(0,u.readFileSync)((0,d.join)(P,f.name,p),"utf8");const E=(0,d.join)(P,"ISSUE_TEMPLATE");if(!(0,u.existsSync)(E))return $;for(const f of(0,u.readdirSync)(E,{withFileTypes:!0}).filter(p=>p.isFile()).map(p=>p.name))$[`.github/ISSUE_TEMPLATE/${f}`]=(0,u.readFileSync)((0,d.join)(E,f),"utf8");return $}})};export{we as id,ve as ids,ke as modules};
