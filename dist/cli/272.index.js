const ge=272,be=[272],we={5272:((M,v,t)=>{t.r(v),t.d(v,{demoCommand:()=>te});var u=t(1455),C=t(6760),l=t(830),$=t(6657);const e={complete:{title:"[Escalation]: Engine restarts after upgrade to 17.06 on production nodes",labels:["escalation"],answers:$.ESCALATION_ANSWERS},sparse:{title:"[Escalation]: Overlay network drops packets between nodes",labels:["escalation"],answers:{...$.ESCALATION_ANSWERS,"Problem or feature request":"Overlay network drops packets between nodes since Monday; services time out.",Severity:"N/A",Area:"network",Logs:"_No response_"},lacks:'no logs, severity "N/A"'},fix:{answers:{Severity:"sev 2",Logs:"```\nkernel: vxlan: fdb lookup failed for 10.0.9.4\n```"},adds:'adds the logs and "sev 2"'},team:["alice","bob","chloe","dan","emma","fred","escalation-leads"]},i={"Diagnostics ID":"1A2B3C4D-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123081500",Logs:"- [x] The diagnose tool uploaded the logs without an error","What changed before it broke?":"An upgrade","Steps to reproduce":`1. Upgrade to 4.37 from the menu
2. Restart the app
3. Run docker ps: it hangs forever`,"Expected and actual behaviour":"docker ps lists the containers; instead it never returns.","OS and version":"macOS 15.2"},E={"Kind of request":"Something is down or degraded",Area:"An application","Cluster, namespace or application":"smaug / opf-observatorium","What happened":"The Grafana dashboards of our namespace show no data since 07:40 this morning.","Logs or screenshots":"_No response_"},b={Customer:"Initech","Escalated by":"TAM",Severity:"S1-broken","Outage started at":"2026-11-23 07:50 UTC",Impact:"Nobody at Initech can post messages: every post times out after 30 seconds, 4,000 users.",Environment:"Production",Database:"PostgreSQL","System information":"Server 10.2.1, 3 app nodes (8 CPU, 32 GB), PostgreSQL 15 primary (16 CPU, 64 GB)","Support bundle and slow query log":"Support bundle attached; slow query log to follow."},S={"Reported by":"Dana Whitfield, dana@example.org","How it came in":"Hotline call","Where it runs":"SCF",Version:"3.4.2","What happened":"Opening a 2 TB Silo database on the SCF hangs the viewer at 40% with no error.","What was tried so far":"Checked the known issues; none matches."},N={escalation:e,"support-triage":{complete:{title:"[Problem]: docker ps hangs after upgrading to 4.37",labels:["support"],answers:i},sparse:{title:"[Problem]: Containers lose DNS when the VPN connects",labels:["support"],answers:{...i,"Diagnostics ID":"n/a","Steps to reproduce":`1.
2.
3.`},lacks:"no diagnostics id, no steps"},fix:{answers:{"Diagnostics ID":"9F8E7D6C-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123101500","Steps to reproduce":`1. Connect the corporate VPN
2. docker run alpine nslookup example.com`},adds:"adds the diagnostics id and the steps"},team:[]},"daily-rotation":{complete:{title:"[Ops]: Grafana shows no data for opf-observatorium",labels:["support"],answers:E},sparse:{title:"[Ops]: Access please",labels:["support"],answers:{...E,"Kind of request":"A change to make",Area:"Access and permissions","What happened":"need access"},lacks:'says only "need access"'},fix:{answers:{"What happened":"Please add me (user lena) to the opf-datacatalog admins group: I took over the project."},adds:"says which access, and why"},team:["ana","ben","cyril","dora","emil","fay"]},"sev1-playbook":{complete:{title:"[Outage]: Initech cannot post messages",labels:["incident"],answers:b},sparse:{title:"[Outage]: Globex channel switching is slow",labels:["incident"],answers:{...b,Customer:"Globex",Severity:"P1",Impact:"slow","System information":"?"},lacks:'severity "P1", no impact, no system information'},fix:{answers:{Severity:"S2-major",Impact:"Channel switching takes 20 seconds for the 600 users of Globex; posting still works.","System information":"Server 10.1.4, 2 app nodes (4 CPU, 16 GB), MySQL 8 (8 CPU, 32 GB)"},adds:"gives the severity, the impact and the system"},team:["jordan","priya","sam","tomas"]},"live-incident":{complete:{title:"[Incident]: Viewer hangs opening a Silo database on the SCF",labels:["incident"],answers:S},sparse:{title:"[Incident]: The viewer crashes when saving a movie",labels:["incident"],answers:{...S,Version:"","What happened":"crash"},lacks:'no version, "crash"'},fix:{answers:{Version:"3.4.2","What happened":"The viewer crashes with a segmentation fault when it saves a movie."},adds:"gives the version and what crashed"},team:["amy","luc","ivy","noah","zoe"]}};function A(f){return N[f]??e}var k=t(7911),T=t(7485);const m="acme",p="escalations",n=`${m}/${p}`,x=".github/support-kit";async function te(f,s){const{values:c}=(0,T.g0)(f,{preset:{type:"string",default:"escalation"},keep:{type:"boolean"}},k.Ep);if(c.help)return s.out(k.Ep),T.dc.ok;const[{startEmulator:j,webhookPayload:h},{runAction:P,projectRoot:F,node24:H},{presetFiles:ae},{formBody:W}]=await Promise.all([Promise.all([t.e(815),t.e(645),t.e(626)]).then(t.bind(t,7626)),t.e(891).then(t.bind(t,2891)),Promise.resolve().then(t.bind(t,6657)),t.e(981).then(t.bind(t,6981))]),Y=(0,C.join)(F(),"config","presets");if(!(await(0,u.readdir)(Y)).includes(c.preset))throw new T.eb(`unknown preset "${c.preset}"; presets: ${(await(0,u.readdir)(Y)).join(", ")}`,k.Ep);const B=ae(F(),c.preset),y=A(c.preset),g=await j({now:"2026-11-23T08:12:00Z",seed:{users:[{login:"customer-eng",name:"Customer engineering"},{login:"amy",name:"Amy (SFO)"},{login:"luc",name:"Luc (Paris)"},{login:"ivy",name:"Ivy (Cambridge)"}],repos:[{owner:m,name:p,collaborators:["amy","luc","ivy","alice","bob","chloe","dan","emma","fred","escalation-leads",...y.team],files:B}]}});try{s.out("support-kit demo: a short support story against the GitHub emulator"),s.out(`  preset      ${c.preset} (config/presets/${c.preset}: ${Object.keys(B).map(d=>d.split("/").pop()).join(", ")})`),s.out(`  repository  ${n} on ${g.url}`),s.out(`  runtime     the committed bundles in dist/ under ${await oe(H())}`);const r=g.store,U=r.createIssue(n,{title:y.complete.title,body:W(y.complete.answers),user:"customer-eng",labels:y.complete.labels}),J=W(y.sparse.answers),R=r.createIssue(n,{title:y.sparse.title,body:J,user:"customer-eng",labels:y.sparse.labels}),re=W({...y.sparse.answers,...y.fix.answers}),ie=B[`${x}/labels.yaml`]??`labels:
`;for(const d of["bug","documentation","duplicate","enhancement","invalid","question","sev1"])r.createLabel(n,{name:d,color:"ededed"});r.addLabels(n,U.number,["sev1"]);const K=`${ie}
  # Renamed: issues labelled sev1 keep their label under the new name.
  - name: S1-watchlist
    color: d93f0b
    description: Severity 1 on a watchlist account
    aliases: [sev1]
`,V="c3".repeat(20);r.setFile(n,`${x}/labels.yaml`,K,V);const le=K.replace(/color: "?([0-9a-fA-F]{5})[0-9a-fA-F]"?/,"color: $1"),I=r.createIssue(n,{title:"Tune the severity labels",user:"amy",pull_request:!0}),q=(d,a)=>{I.pull_request&&(I.pull_request.head_sha=d),r.setFile(n,`${x}/labels.yaml`,a,d)},Z=[{title:`@amy pushes labels.yaml (the ${c.preset} preset plus a renamed sev1) to main`,action:"labels",event:{name:"push",payload:h(r,"push",{repo:n,after:V,sender:"amy",commits:[{id:V,message:"Adopt the escalation labels",modified:[`${x}/labels.yaml`]}]})}},{title:`@customer-eng opens #${U.number} "${U.title}" with every answer`,action:"all",event:{name:"issues",payload:h(r,"issues",{repo:n,action:"opened",number:U.number})}},{title:`@customer-eng opens #${R.number} "${R.title}": ${y.sparse.lacks}`,action:"intake",event:{name:"issues",payload:h(r,"issues",{repo:n,action:"opened",number:R.number})}},{title:`@customer-eng edits #${R.number}: ${y.fix.adds}`,action:"intake",before:()=>r.updateIssue(n,R.number,{body:re},{actor:"customer-eng"}),event:{name:"issues",payload:{}}},{title:"someone stars the repository (an event no capability acts on)",action:"intake",event:{name:"watch",payload:{action:"started"}}},{title:`@amy opens pull request #${I.number} "${I.title}" with a colour one digit short`,action:"all",before:()=>q("a1".repeat(20),le),event:{name:"pull_request",payload:{}}},{title:`@amy pushes a fix to #${I.number} that also prunes "invalid"`,action:"all",before:()=>q("b2".repeat(20),`prune: true
exclude: [documentation, duplicate]
${K}`),event:{name:"pull_request",payload:{}}},{title:`the check on #${I.number} is re-run on the same commit`,action:"validate",event:{name:"pull_request",payload:{}}}];/follow-the-sun:/.test(B[`${x}/roster.yaml`]??"")&&Z.push(...se(r,h));let X=0;for(const[d,a]of Z.entries()){a.before?.();const G=a.lazyEvent?a.lazyEvent():a.event.name==="issues"&&Object.keys(a.event.payload).length===0?{name:"issues",payload:h(r,"issues",{repo:n,action:"edited",number:R.number,changes:{body:{from:J}}})}:a.event.name==="pull_request"?{name:"pull_request",payload:h(r,"pull_request",{repo:n,action:a.title.includes("opens pull request")?"opened":"synchronize",number:I.number})}:a.event;g.resetRequests();const ce=new Map(r.repo(n).issues.map(o=>[o.number,o.comments.map(w=>w.updated_at+w.body)])),pe=Date.now(),D=await P({action:a.action,apiUrl:g.url,repo:n,event:G,...a.inputs?{inputs:a.inputs}:{},...a.env?{env:a.env}:{}}),he=Date.now()-pe,Q=[...g.requests];X+=Q.length;const me=Q.filter(o=>o.method!=="GET").length;s.out(""),s.out(`${d+1}. ${a.title}`),s.out(`   ▸ dist/${a.action} on ${G.name}${"action"in G.payload?`.${String(G.payload.action)}`:""}: exit ${D.exitCode}${D.exitCode?" (the check fails)":""}, ${Q.length} API request(s), ${me} write(s), ${he} ms`);const _=/nothing to do[^\n]*/.exec(D.stdout);_&&s.out(`     ${_[0]}`);for(const o of D.annotations)s.out(`     annotation ${o.level}${o.file?` ${o.file}:${o.line??1}:${o.col??1}`:""}: ${o.message.split(`
`)[0]}`);for(const o of ne(D.outputs.plan)){const w=o.operations.filter(L=>L.kind!=="keep-label"),O=o.operations.length-w.length;s.out(`     ${o.capability}: ${w.length} operation(s)${O?`, ${O} label(s) left as they are`:""}${o.preview?" (preview, not applied)":""}${o.notes.length?`; ${o.notes.join("; ")}`:""}`);for(const L of w.slice(0,6))s.out(`       - ${(0,l.f)(L)}: ${(0,l.u)(L)} (${L.reason})`);w.length>6&&s.out(`       - ... and ${w.length-6} more`)}for(const o of r.repo(n).issues){const w=ce.get(o.number)??[];o.comments.forEach((O,L)=>{const ee=w[L];if(ee!==O.updated_at+O.body){s.out(`     comment on #${o.number} ${ee===void 0?"created":"updated in place"} by @${O.user} (#${o.number} has ${o.comments.length} comment(s)):`);for(const fe of O.body.split(`
`).filter(ye=>!ye.startsWith("<!--")))s.out(`       │ ${fe}`)}})}}s.out(""),s.out(`Done: ${Z.length} events, ${X} API requests in all.`);const de=r.issue(n,U.number).labels.map(d=>d.name);s.out(`Labels on #${U.number}: ${de.join(", ")} (it had sev1; the rename kept it on the issue).`),s.out(`Repository labels: ${r.repo(n).labels.length}; "invalid" stays until the pull request that prunes it is merged.`),g.resetRequests();const ue=await P({action:"report",apiUrl:g.url,repo:n,event:{name:"workflow_dispatch",payload:h(r,"workflow_dispatch",{repo:n})},inputs:{week:"2026-W48"},env:{SUPPORT_KIT_NOW:"2026-11-23T18:00:00Z"}}),z=r.repo(n).issues.find(d=>d.labels.some(a=>a.name==="report"));s.out(""),s.out(`The weekly report: dist/report exit ${ue.exitCode}, ${g.requests.length} API request(s); it opened #${z?.number??"?"} "${z?.title??""}":`);for(const d of(z?.body??"").split(`
`).filter(a=>!a.startsWith("<!--")))s.out(`  │ ${d}`);return c.keep&&(s.out(`The emulator keeps running at ${g.url} (state at ${g.url}/_emulator/state). Ctrl-C to stop.`),await new Promise(d=>{process.once("SIGINT",()=>d()),process.once("SIGTERM",()=>d())})),T.dc.ok}finally{await g.close()}}function se(f,s){const c=(h,P,F)=>{let H=0;return{title:`${F}: @customer-eng opens "${h}" (S1)`,action:"oncall",env:{SUPPORT_KIT_NOW:P},event:{name:"issues",payload:{}},before:()=>{H=f.createIssue(n,{title:h,user:"customer-eng",labels:["S1-broken"],created_at:P}).number},lazyEvent:()=>({name:"issues",payload:s(f,"issues",{repo:n,action:"opened",number:H})})}},j=(h,P)=>({title:`${P}: the scheduled on-call run (cron */15, a few minutes late as usual)`,action:"oncall",env:{SUPPORT_KIT_NOW:h},event:{name:"schedule",payload:{schedule:"7,22,37,52 * * * *"}}});return[c("Cluster unreachable after certificate rotation","2026-03-26T02:00:00Z","A follow-the-sun day in a DST week. 03:00 Paris (19:00 San Francisco, the evening gap)"),j("2026-03-26T07:07:00Z","08:07 Paris"),c("Backups fail on the Lyon site","2026-03-26T09:30:00Z","10:30 Paris"),c("Dashboards blank for EMEA customers","2026-03-26T13:30:00Z","13:30 Cambridge"),c("API latency doubled since 08:00","2026-03-26T16:10:00Z","09:10 San Francisco"),j("2026-03-26T16:22:00Z","09:22 San Francisco")]}function ne(f){if(!f)return[];const s=JSON.parse(f);return Array.isArray(s)?s:[s]}async function oe(f){const{execFile:s}=await Promise.resolve().then(t.t.bind(t,1421,23));return new Promise(c=>s(f,["--version"],(j,h)=>c(`Node ${String(h).trim()}`)))}}),7911:((M,v,t)=>{t.d(v,{Ep:()=>l,Fb:()=>E,Ig:()=>i,Qx:()=>$,Ur:()=>C,jU:()=>b,rl:()=>e,zg:()=>u});const u=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

Checks the support-kit config: YAML syntax, the JSON Schemas in config/schema/ and the
checks a schema cannot express. Every problem is printed as file:line:column.

Options:
  --config PATH   the config folder or one file in it (default .github/support-kit)
  --repo o/name   read the config from that repository through the API instead of the disk
                  (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  --ref REF       with --repo: the branch, tag or commit to read (default: the default branch)
  --json          print {"valid": bool, "files": [...], "problems": [...]}
  -h, --help      show this help

Exit status: 0 valid, 1 problems found, 2 usage error.`,C=`Usage: support-kit emulator [--port N] [--host ADDR] [--seed FILE]

Runs the GitHub emulator the kit's tests use: a stateful in-memory GitHub (REST and GraphQL)
on loopback. Prints its URL, then serves until stopped (Ctrl-C). Point GITHUB_API_URL at it.
The seed format is documented in docs/emulator.md.

Options:
  --port N      port to listen on; 0 picks a free one (default 0)
  --host ADDR   address to bind (default 127.0.0.1; loopback only)
  --seed FILE   JSON or YAML seed with users, repositories, labels, issues and files
  -h, --help    show this help`,l=`Usage: support-kit demo [--preset NAME] [--keep]

Plays a short support story against the GitHub emulator through the real action bundles
(dist/<name>/index.js under Node 24, with the environment a runner sets) and prints what
happened: the config each action read, its plan, the comments and annotations it wrote,
and how many API requests it cost.

Options:
  --preset NAME   the preset the sample repository is configured from (default escalation;
                  the issues in the story are written on the escalation form)
  --keep          keep the emulator running afterwards and print its URL (Ctrl-C to stop)
  -h, --help      show this help`,$=`Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

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

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`,i=`Usage: support-kit oncall <who|preview|ics|holidays> [options]

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

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`,E=`Usage: support-kit init [--preset NAME] [--dir PATH] [--force]

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
repository and closes the earlier ones (as the token's user: the workflow's bot finds only
the reports a bot wrote).

Options:
  --repo LIST     repositories that feed the report, comma-separated; the issue goes to the first
  --week ID       the ISO week (default: the one report.yaml says, the last complete week)
  --config PATH   the config folder (default .github/support-kit): report.yaml, roster.yaml
  --dry-run       decide and print, write nothing
  --json          print the metrics as JSON instead of the markdown
  -h, --help      show this help

Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
Exit status: 0 done, 1 config errors or a refused write, 2 usage error.`}),830:((M,v,t)=>{t.d(v,{f:()=>u,u:()=>C});function u(e){switch(e.kind){case"upsert-issue":return`issue marked ${$(e.marker.kind,e.marker.keys)}`;case"create-label":case"update-label":case"delete-label":case"keep-label":return`label "${e.name}"`;case"upsert-comment":return typeof e.issue=="number"?`#${e.issue}`:`issue marked ${$(e.issue.marker.kind,e.issue.marker.keys)}`;default:return`#${e.issue}`}}function C(e){switch(e.kind){case"add-labels":return`add label${e.labels.length>1?"s":""} ${e.labels.map(l).join(", ")}`;case"remove-labels":return`remove label${e.labels.length>1?"s":""} ${e.labels.map(l).join(", ")}`;case"edit-labels":return[e.add.length?`add ${e.add.map(l).join(", ")}`:"",e.remove.length?`remove ${e.remove.map(l).join(", ")}`:""].filter(Boolean).join(", ");case"add-assignees":return`assign ${e.assignees.join(", ")}${e.fallback?` (else ${e.fallback})`:""}`;case"remove-assignees":return`unassign ${e.assignees.join(", ")}`;case"reassign":return`reassign from ${e.from} to ${e.to}`;case"upsert-comment":return`write the ${e.marker.kind} comment`;case"upsert-issue":return`write issue "${e.title}"`;case"update-issue":{const i=[];return e.state&&i.push(e.stateReason?`${e.state} (${e.stateReason})`:e.state),e.title!==void 0&&i.push(`retitle "${e.title}"`),i.length>0?`set ${i.join(", ")}`:"update"}case"create-label":return`create (#${e.color}${e.description?`, "${e.description}"`:""})`;case"update-label":{const i=[];return e.newName!==void 0&&i.push(`rename to "${e.newName}"`),e.color!==void 0&&i.push(`colour #${e.color}`),e.description!==void 0&&i.push(e.description?`description "${e.description}"`:"clear description"),i.join(", ")||"update"}case"delete-label":return"delete";case"keep-label":return"keep";case"notify":return`notify ${e.channel==="pagerduty"?"PagerDuty":"the webhook"} (${e.key})`}}function l(e){return`"${e}"`}function $(e,i){const E=Object.entries(i).map(([b,S])=>`${b}=${S}`);return[e,...E].join(" ")}}),6657:((M,v,t)=>{t.r(v),t.d(v,{ESCALATION_ANSWERS:()=>e,escalationBody:()=>i,presetFiles:()=>E});var u=t(3024),C=t.n(u),l=t(6760),$=t.n(l);const e={"Problem or feature request":"After the upgrade to 17.06 the engine restarts every few minutes on three production nodes; the customer cannot deploy.",Customer:"Initech","Reported by":"Existing deployment",Environment:"Production",Severity:"S1-broken",Type:"bug",Version:"17.06 (ucp: 2.2, dtr: 2.3)",Workaround:"- [ ] A workaround is available",Area:"engine",Logs:"```\nengine[812]: panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:\n```"};function i(b={}){return Object.entries({...e,...b}).map(([S,N])=>`### ${S}

${N}
`).join(`
`)}function E(b,S,N=".github/support-kit"){const A=(0,l.join)(b,"config","presets",S),k={};for(const m of(0,u.readdirSync)(A).filter(p=>/\.ya?ml$/.test(p)))k[`${N}/${m}`]=(0,u.readFileSync)((0,l.join)(A,m),"utf8");for(const m of(0,u.readdirSync)(A,{withFileTypes:!0}).filter(p=>p.isDirectory()&&p.name!=="ISSUE_TEMPLATE"))for(const p of(0,u.readdirSync)((0,l.join)(A,m.name)))k[`${N}/${m.name}/${p}`]=(0,u.readFileSync)((0,l.join)(A,m.name,p),"utf8");const T=(0,l.join)(A,"ISSUE_TEMPLATE");if(!(0,u.existsSync)(T))return k;for(const m of(0,u.readdirSync)(T,{withFileTypes:!0}).filter(p=>p.isFile()).map(p=>p.name))k[`.github/ISSUE_TEMPLATE/${m}`]=(0,u.readFileSync)((0,l.join)(T,m),"utf8");return k}})};export{ge as id,be as ids,we as modules};
