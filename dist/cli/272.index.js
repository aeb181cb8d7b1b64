const ve=272,ke=[272],$e={5272:((V,E,s)=>{s.r(E),s.d(E,{demoCommand:()=>ae});var h=s(1455),A=s(6760),c=s(830),T=s(6657);const e={complete:{title:"[Escalation]: Engine restarts after upgrade to 17.06 on production nodes",labels:["escalation"],answers:T.ESCALATION_ANSWERS},sparse:{title:"[Escalation]: Overlay network drops packets between nodes",labels:["escalation"],answers:{...T.ESCALATION_ANSWERS,"Problem or feature request":"Overlay network drops packets between nodes since Monday; services time out.",Severity:"N/A",Area:"network",Logs:"_No response_"},lacks:'no logs, severity "N/A"'},fix:{answers:{Severity:"sev 2",Logs:"```\nkernel: vxlan: fdb lookup failed for 10.0.9.4\n```"},adds:'adds the logs and "sev 2"'},team:["alice","bob","chloe","dan","emma","fred","escalation-leads"]},u={"Diagnostics ID":"1A2B3C4D-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123081500",Logs:"- [x] The diagnose tool uploaded the logs without an error","What changed before it broke?":"An upgrade","Steps to reproduce":`1. Upgrade to 4.37 from the menu
2. Restart the app
3. Run docker ps: it hangs forever`,"Expected and actual behaviour":"docker ps lists the containers; instead it never returns.","OS and version":"macOS 15.2"},P={"Kind of request":"Something is down or degraded",Area:"An application","Cluster, namespace or application":"smaug / opf-observatorium","What happened":"The Grafana dashboards of our namespace show no data since 07:40 this morning.","Logs or screenshots":"_No response_"},w={Customer:"Initech","Escalated by":"TAM",Severity:"S1-broken","Outage started at":"2026-11-23 07:50 UTC",Impact:"Nobody at Initech can post messages: every post times out after 30 seconds, 4,000 users.",Environment:"Production",Database:"PostgreSQL","System information":"Server 10.2.1, 3 app nodes (8 CPU, 32 GB), PostgreSQL 15 primary (16 CPU, 64 GB)","Support bundle and slow query log":"Support bundle attached; slow query log to follow."},I={"Reported by":"Dana Whitfield, dana@example.org","How it came in":"Hotline call","Where it runs":"SCF",Version:"3.4.2","What happened":"Opening a 2 TB Silo database on the SCF hangs the viewer at 40% with no error.","What was tried so far":"Checked the known issues; none matches."},R={escalation:e,"support-triage":{complete:{title:"[Problem]: docker ps hangs after upgrading to 4.37",labels:["support"],answers:u},sparse:{title:"[Problem]: Containers lose DNS when the VPN connects",labels:["support"],answers:{...u,"Diagnostics ID":"n/a","Steps to reproduce":`1.
2.
3.`},lacks:"no diagnostics id, no steps"},fix:{answers:{"Diagnostics ID":"9F8E7D6C-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123101500","Steps to reproduce":`1. Connect the corporate VPN
2. docker run alpine nslookup example.com`},adds:"adds the diagnostics id and the steps"},team:[]},"daily-rotation":{complete:{title:"[Ops]: Grafana shows no data for opf-observatorium",labels:["support"],answers:P},sparse:{title:"[Ops]: Access please",labels:["support"],answers:{...P,"Kind of request":"A change to make",Area:"Access and permissions","What happened":"need access"},lacks:'says only "need access"'},fix:{answers:{"What happened":"Please add me (user lena) to the opf-datacatalog admins group: I took over the project."},adds:"says which access, and why"},team:["ana","ben","cyril","dora","emil","fay"]},"sev1-playbook":{complete:{title:"[Outage]: Initech cannot post messages",labels:["incident"],answers:w},sparse:{title:"[Outage]: Globex channel switching is slow",labels:["incident"],answers:{...w,Customer:"Globex",Severity:"P1",Impact:"slow","System information":"?"},lacks:'severity "P1", no impact, no system information'},fix:{answers:{Severity:"S2-major",Impact:"Channel switching takes 20 seconds for the 600 users of Globex; posting still works.","System information":"Server 10.1.4, 2 app nodes (4 CPU, 16 GB), MySQL 8 (8 CPU, 32 GB)"},adds:"gives the severity, the impact and the system"},team:["jordan","priya","sam","tomas"]},"live-incident":{complete:{title:"[Incident]: Viewer hangs opening a Silo database on the SCF",labels:["incident"],answers:I},sparse:{title:"[Incident]: The viewer crashes when saving a movie",labels:["incident"],answers:{...I,Version:"","What happened":"crash"},lacks:'no version, "crash"'},fix:{answers:{Version:"3.4.2","What happened":"The viewer crashes with a segmentation fault when it saves a movie."},adds:"gives the version and what crashed"},team:["amy","luc","ivy","noah","zoe"]}};function O(p){return R[p]??e}var S=s(7911),f=s(1564);const y="acme",m="escalations",n=`${y}/${m}`,F=".github/support-kit";async function ae(p,t){const{values:r}=(0,f.g0)(p,{preset:{type:"string",default:"escalation"},keep:{type:"boolean"},week:{type:"boolean"}},S.Ep);if(r.help)return t.out(S.Ep),f.dc.ok;const[{startEmulator:L,webhookPayload:d},{runAction:v,projectRoot:C,node24:j},{presetFiles:X},{formBody:G}]=await Promise.all([Promise.all([s.e(815),s.e(645),s.e(232)]).then(s.bind(s,8232)),s.e(891).then(s.bind(s,2891)),Promise.resolve().then(s.bind(s,6657)),s.e(981).then(s.bind(s,6981))]),_=(0,A.join)(C(),"config","presets");if(!(await(0,h.readdir)(_)).includes(r.preset))throw new f.eb(`unknown preset "${r.preset}"; presets: ${(await(0,h.readdir)(_)).join(", ")}`,S.Ep);if(r.week)return re(r.preset,C(),t);const W=X(C(),r.preset),g=O(r.preset),b=await L({now:"2026-11-23T08:12:00Z",seed:{users:[{login:"customer-eng",name:"Customer engineering"},{login:"amy",name:"Amy (SFO)"},{login:"luc",name:"Luc (Paris)"},{login:"ivy",name:"Ivy (Cambridge)"}],repos:[{owner:y,name:m,collaborators:["amy","luc","ivy","alice","bob","chloe","dan","emma","fred","escalation-leads",...g.team],files:W}]}});try{t.out("support-kit demo: a short support story against the GitHub emulator"),t.out(`  preset      ${r.preset} (config/presets/${r.preset}: ${Object.keys(W).map(l=>l.split("/").pop()).join(", ")})`),t.out(`  repository  ${n} on ${b.url}`),t.out(`  runtime     the committed bundles in dist/ under ${await de(j())}`);const i=b.store,D=i.createIssue(n,{title:g.complete.title,body:G(g.complete.answers),user:"customer-eng",labels:g.complete.labels}),ee=G(g.sparse.answers),H=i.createIssue(n,{title:g.sparse.title,body:ee,user:"customer-eng",labels:g.sparse.labels}),ue=G({...g.sparse.answers,...g.fix.answers}),ce=W[`${F}/labels.yaml`]??`labels:
`;for(const l of["bug","documentation","duplicate","enhancement","invalid","question","sev1"])i.createLabel(n,{name:l,color:"ededed"});i.addLabels(n,D.number,["sev1"]);const Z=`${ce}
  # Renamed: issues labelled sev1 keep their label under the new name.
  - name: S1-watchlist
    color: d93f0b
    description: Severity 1 on a watchlist account
    aliases: [sev1]
`,z="c3".repeat(20);i.setFile(n,`${F}/labels.yaml`,Z,z);const pe=Z.replace(/color: "?([0-9a-fA-F]{5})[0-9a-fA-F]"?/,"color: $1"),N=i.createIssue(n,{title:"Tune the severity labels",user:"amy",pull_request:!0}),te=(l,o)=>{N.pull_request&&(N.pull_request.head_sha=l),i.setFile(n,`${F}/labels.yaml`,o,l)},Q=[{title:`@amy pushes labels.yaml (the ${r.preset} preset plus a renamed sev1) to main`,action:"labels",event:{name:"push",payload:d(i,"push",{repo:n,after:z,sender:"amy",commits:[{id:z,message:"Adopt the escalation labels",modified:[`${F}/labels.yaml`]}]})}},{title:`@customer-eng opens #${D.number} "${D.title}" with every answer`,action:"all",event:{name:"issues",payload:d(i,"issues",{repo:n,action:"opened",number:D.number})}},{title:`@customer-eng opens #${H.number} "${H.title}": ${g.sparse.lacks}`,action:"intake",event:{name:"issues",payload:d(i,"issues",{repo:n,action:"opened",number:H.number})}},{title:`@customer-eng edits #${H.number}: ${g.fix.adds}`,action:"intake",before:()=>i.updateIssue(n,H.number,{body:ue},{actor:"customer-eng"}),event:{name:"issues",payload:{}}},{title:"someone stars the repository (an event no capability acts on)",action:"intake",event:{name:"watch",payload:{action:"started"}}},{title:`@amy opens pull request #${N.number} "${N.title}" with a colour one digit short`,action:"all",fails:!0,before:()=>te("a1".repeat(20),pe),event:{name:"pull_request",payload:{}}},{title:`@amy pushes a fix to #${N.number} that also prunes "invalid"`,action:"all",before:()=>te("b2".repeat(20),`prune: true
exclude: [documentation, duplicate]
${Z}`),event:{name:"pull_request",payload:{}}},{title:`the check on #${N.number} is re-run on the same commit`,action:"validate",event:{name:"pull_request",payload:{}}}];/follow-the-sun:/.test(W[`${F}/roster.yaml`]??"")&&Q.push(...ie(i,d));let se=0;const B=[];for(const[l,o]of Q.entries()){o.before?.();const K=o.lazyEvent?o.lazyEvent():o.event.name==="issues"&&Object.keys(o.event.payload).length===0?{name:"issues",payload:d(i,"issues",{repo:n,action:"edited",number:H.number,changes:{body:{from:ee}}})}:o.event.name==="pull_request"?{name:"pull_request",payload:d(i,"pull_request",{repo:n,action:o.title.includes("opens pull request")?"opened":"synchronize",number:N.number})}:o.event;b.resetRequests();const me=new Map(i.repo(n).issues.map(a=>[a.number,a.comments.map($=>$.updated_at+$.body)])),fe=Date.now(),k=await v({action:o.action,apiUrl:b.url,repo:n,event:K,...o.inputs?{inputs:o.inputs}:{},...o.env?{env:o.env}:{}}),ye=Date.now()-fe;k.exitCode!==0!==(o.fails??!1)&&B.push(`step ${l+1} (dist/${o.action}) exited ${k.exitCode}, expected ${o.fails?"a failure":"0"}${k.exitCode?`: ${q(k.stderr||k.stdout)}`:""}`);const J=[...b.requests];se+=J.length;const ge=J.filter(a=>a.method!=="GET").length;t.out(""),t.out(`${l+1}. ${o.title}`),t.out(`   ▸ dist/${o.action} on ${K.name}${"action"in K.payload?`.${String(K.payload.action)}`:""}: exit ${k.exitCode}${k.exitCode?" (the check fails)":""}, ${J.length} API request(s), ${ge} write(s), ${ye} ms`);const ne=/nothing to do[^\n]*/.exec(k.stdout);ne&&t.out(`     ${ne[0]}`);for(const a of k.annotations)t.out(`     annotation ${a.level}${a.file?` ${a.file}:${a.line??1}:${a.col??1}`:""}: ${a.message.split(`
`)[0]}`);for(const a of le(k.outputs.plan)){const $=a.operations.filter(U=>U.kind!=="keep-label"),x=a.operations.length-$.length;t.out(`     ${a.capability}: ${$.length} operation(s)${x?`, ${x} label(s) left as they are`:""}${a.preview?" (preview, not applied)":""}${a.notes.length?`; ${a.notes.join("; ")}`:""}`);for(const U of $.slice(0,6))t.out(`       - ${(0,c.f)(U)}: ${(0,c.u)(U)} (${U.reason})`);$.length>6&&t.out(`       - ... and ${$.length-6} more`)}for(const a of i.repo(n).issues){const $=me.get(a.number)??[];a.comments.forEach((x,U)=>{const oe=$[U];if(oe!==x.updated_at+x.body){t.out(`     comment on #${a.number} ${oe===void 0?"created":"updated in place"} by @${x.user} (#${a.number} has ${a.comments.length} comment(s)):`);for(const be of x.body.split(`
`).filter(we=>!we.startsWith("<!--")))t.out(`       │ ${be}`)}})}}t.out(""),t.out(`Done: ${Q.length} events, ${se} API requests in all.`);const he=i.issue(n,D.number).labels.map(l=>l.name);t.out(`Labels on #${D.number}: ${he.join(", ")} (it had sev1; the rename kept it on the issue).`),t.out(`Repository labels: ${i.repo(n).labels.length}; "invalid" stays until the pull request that prunes it is merged.`),b.resetRequests();const M=await v({action:"report",apiUrl:b.url,repo:n,event:{name:"workflow_dispatch",payload:d(i,"workflow_dispatch",{repo:n})},inputs:{week:"2026-W48"},env:{SUPPORT_KIT_NOW:"2026-11-23T18:00:00Z"}});M.exitCode!==0&&B.push(`the weekly report (dist/report) exited ${M.exitCode}: ${q(M.stderr||M.stdout)}`);const Y=i.repo(n).issues.find(l=>l.labels.some(o=>o.name==="support-kit/report"));t.out(""),t.out(`The weekly report: dist/report exit ${M.exitCode}, ${b.requests.length} API request(s); it opened #${Y?.number??"?"} "${Y?.title??""}":`);for(const l of(Y?.body??"").split(`
`).filter(o=>!o.startsWith("<!--")))t.out(`  │ ${l}`);if(r.keep&&(t.out(`The emulator keeps running at ${b.url} (state at ${b.url}/_emulator/state). Ctrl-C to stop.`),await new Promise(l=>{process.once("SIGINT",()=>l()),process.once("SIGTERM",()=>l())})),B.length>0){t.err(`support-kit demo: ${B.length} run(s) did not end as the story needs:`);for(const l of B)t.err(`  ${l}`);return f.dc.findings}return f.dc.ok}finally{await b.close()}}async function re(p,t,r){const{existsSync:L}=await Promise.resolve().then(s.t.bind(s,3024,23)),d=`test/e2e/scenario-${p}.test.ts`,v=(0,A.join)(t,"node_modules","vitest","vitest.mjs");if(!L((0,A.join)(t,d)))return r.err(`support-kit demo: the ${p} preset has no scenario week (${d})`),f.dc.findings;if(!L(v))return r.err("support-kit demo: --week plays the scenario tests and needs a checkout with `npm ci`"),f.dc.findings;r.out(`support-kit demo: the ${p} preset's week, step by step (${d})`);const{spawn:C}=await Promise.resolve().then(s.t.bind(s,1421,23));return new Promise(j=>{C(process.execPath,[v,"run",d,"--reporter","verbose"],{cwd:t,stdio:"inherit"}).on("exit",G=>j(G===0?f.dc.ok:f.dc.findings))})}function ie(p,t){const r=(d,v,C)=>{let j=0;return{title:`${C}: @customer-eng opens "${d}" (S1)`,action:"oncall",env:{SUPPORT_KIT_NOW:v},event:{name:"issues",payload:{}},before:()=>{j=p.createIssue(n,{title:d,user:"customer-eng",labels:["S1-broken"],created_at:v}).number},lazyEvent:()=>({name:"issues",payload:t(p,"issues",{repo:n,action:"opened",number:j})})}},L=(d,v)=>({title:`${v}: the scheduled on-call run (cron */15, a few minutes late as usual)`,action:"oncall",env:{SUPPORT_KIT_NOW:d},event:{name:"schedule",payload:{schedule:"7,22,37,52 * * * *"}}});return[r("Cluster unreachable after certificate rotation","2026-03-26T02:00:00Z","A follow-the-sun day in a DST week. 03:00 Paris (19:00 San Francisco, the evening gap)"),L("2026-03-26T07:07:00Z","08:07 Paris"),r("Backups fail on the Lyon site","2026-03-26T09:30:00Z","10:30 Paris"),r("Dashboards blank for EMEA customers","2026-03-26T13:30:00Z","13:30 Cambridge"),r("API latency doubled since 08:00","2026-03-26T16:10:00Z","09:10 San Francisco"),L("2026-03-26T16:22:00Z","09:22 San Francisco")]}function le(p){if(!p)return[];const t=JSON.parse(p);return Array.isArray(t)?t:[t]}async function de(p){const{execFile:t}=await Promise.resolve().then(s.t.bind(s,1421,23));return new Promise(r=>t(p,["--version"],(L,d)=>r(`Node ${String(d).trim()}`)))}function q(p){return p.trim().split(`
`).filter(t=>t.trim()).at(-1)??""}}),7911:((V,E,s)=>{s.d(E,{Ep:()=>c,Fb:()=>P,Ig:()=>u,Qx:()=>T,Ur:()=>A,jU:()=>w,rl:()=>e,zg:()=>h});const h=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

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

Exit status: 0 valid, 1 problems found, 2 usage error.`,A=`Usage: support-kit emulator [--port N] [--host ADDR] [--seed FILE]

Runs the GitHub emulator the kit's tests use: a stateful in-memory GitHub (REST and GraphQL)
on loopback. Prints its URL, then serves until stopped (Ctrl-C). Point GITHUB_API_URL at it.
The seed format is documented in docs/emulator.md.

Options:
  --port N      port to listen on; 0 picks a free one (default 0)
  --host ADDR   address to bind (default 127.0.0.1; loopback only)
  --seed FILE   JSON or YAML seed with users, repositories, labels, issues and files
  -h, --help    show this help`,c=`Usage: support-kit demo [--preset NAME] [--week] [--keep]

Plays a short support story against the GitHub emulator through the real action bundles
(dist/<name>/index.js under Node 24, with the environment a runner sets) and prints what
happened: the config each action read, its plan, the comments and annotations it wrote,
and how many API requests it cost.

Options:
  --preset NAME   the preset the sample repository is configured from (default escalation;
                  the issues of the story are written on the preset's own form)
  --week          play the preset's scenario week instead (test/e2e/scenario-NAME.test.ts):
                  Monday to the weekly report, every step checked; needs the checkout's npm ci
  --keep          keep the emulator running afterwards and print its URL (Ctrl-C to stop)
  -h, --help      show this help`,T=`Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

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

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`,u=`Usage: support-kit oncall <who|preview|ics|holidays> [options]

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

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`,P=`Usage: support-kit init [--preset NAME] [--dir PATH] [--force]

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

Exit status: 0 written, 1 files exist (nothing written), 2 usage error (unknown preset).`,w=`Usage: support-kit report --repo owner/name[,owner/name2] [--week 2026-W47] [options]

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
Exit status: 0 done, 1 config errors or a refused write, 2 usage error.`}),830:((V,E,s)=>{s.d(E,{f:()=>h,u:()=>A});function h(e){switch(e.kind){case"upsert-issue":return`issue marked ${T(e.marker.kind,e.marker.keys)}`;case"create-label":case"update-label":case"delete-label":case"keep-label":return`label "${e.name}"`;case"upsert-comment":case"notify":return typeof e.issue=="number"?`#${e.issue}`:`issue marked ${T(e.issue.marker.kind,e.issue.marker.keys)}`;default:return`#${e.issue}`}}function A(e){switch(e.kind){case"add-labels":return`add label${e.labels.length>1?"s":""} ${e.labels.map(c).join(", ")}`;case"remove-labels":return`remove label${e.labels.length>1?"s":""} ${e.labels.map(c).join(", ")}`;case"edit-labels":return[e.add.length?`add ${e.add.map(c).join(", ")}`:"",e.remove.length?`remove ${e.remove.map(c).join(", ")}`:""].filter(Boolean).join(", ");case"add-assignees":return`assign ${e.assignees.join(", ")}${e.fallback?` (else ${e.fallback})`:""}`;case"remove-assignees":return`unassign ${e.assignees.join(", ")}`;case"reassign":return`reassign from ${e.from} to ${e.to}`;case"upsert-comment":return`write the ${e.marker.kind} comment`;case"upsert-issue":return`write issue "${e.title}"`;case"update-issue":{const u=[];return e.state&&u.push(e.stateReason?`${e.state} (${e.stateReason})`:e.state),e.title!==void 0&&u.push(`retitle "${e.title}"`),u.length>0?`set ${u.join(", ")}`:"update"}case"create-label":return`create (#${e.color}${e.description?`, "${e.description}"`:""})`;case"update-label":{const u=[];return e.newName!==void 0&&u.push(`rename to "${e.newName}"`),e.color!==void 0&&u.push(`colour #${e.color}`),e.description!==void 0&&u.push(e.description?`description "${e.description}"`:"clear description"),u.join(", ")||"update"}case"delete-label":return"delete";case"keep-label":return"keep";case"notify":return`notify ${e.channel==="pagerduty"?"PagerDuty":"the webhook"} (${e.key})`}}function c(e){return`"${e}"`}function T(e,u){const P=Object.entries(u).map(([w,I])=>`${w}=${I}`);return[e,...P].join(" ")}}),6657:((V,E,s)=>{s.r(E),s.d(E,{ESCALATION_ANSWERS:()=>e,escalationBody:()=>u,presetFiles:()=>P});var h=s(3024),A=s.n(h),c=s(6760),T=s.n(c);const e={"Problem or feature request":"After the upgrade to 17.06 the engine restarts every few minutes on three production nodes; the customer cannot deploy.",Customer:"Initech","Reported by":"Existing deployment",Environment:"Production",Severity:"S1-broken",Type:"bug",Version:"17.06 (ucp: 2.2, dtr: 2.3)",Workaround:"- [ ] A workaround is available",Area:"engine",Logs:"```\nengine[812]: panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:\n```"};function u(w={}){return Object.entries({...e,...w}).map(([I,R])=>`### ${I}

${R}
`).join(`
`)}function P(w,I,R=".github/support-kit"){const O=(0,c.join)(w,"config","presets",I),S={};for(const y of(0,h.readdirSync)(O).filter(m=>/\.ya?ml$/.test(m)))S[`${R}/${y}`]=(0,h.readFileSync)((0,c.join)(O,y),"utf8");for(const y of(0,h.readdirSync)(O,{withFileTypes:!0}).filter(m=>m.isDirectory()&&m.name!=="ISSUE_TEMPLATE"))for(const m of(0,h.readdirSync)((0,c.join)(O,y.name)))S[`${R}/${y.name}/${m}`]=(0,h.readFileSync)((0,c.join)(O,y.name,m),"utf8");const f=(0,c.join)(O,"ISSUE_TEMPLATE");if(!(0,h.existsSync)(f))return S;for(const y of(0,h.readdirSync)(f,{withFileTypes:!0}).filter(m=>m.isFile()).map(m=>m.name))S[`.github/ISSUE_TEMPLATE/${y}`]=(0,h.readFileSync)((0,c.join)(f,y),"utf8");return S}})};export{ve as id,ke as ids,$e as modules};
