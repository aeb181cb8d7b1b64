const P=159,A=[159],I={9159:((m,s,t)=>{t.r(s),t.d(s,{emulatorCommand:()=>c});var n=t(7975),d=t.n(n),o=t(7911),r=t(7485);async function c(f,h){let e;try{({values:e}=(0,n.parseArgs)({args:f,options:{port:{type:"string",default:"0"},host:{type:"string",default:"127.0.0.1"},seed:{type:"string"},help:{type:"boolean",short:"h"}},strict:!0}))}catch(i){throw new r.eb(i.message,o.Ur)}if(e.help)return h.out(o.Ur),r.dc.ok;const a=Number(e.port);if(!Number.isInteger(a)||a<0||a>65535)throw new r.eb(`--port must be 0-65535, not "${e.port}"`,o.Ur);const{startEmulator:E,loadSeedFile:g}=await Promise.all([t.e(815),t.e(645),t.e(626)]).then(t.bind(t,7626)),l=e.seed?await g(e.seed):void 0,p=await E({port:a,host:e.host,...l?{seed:l}:{}});return h.out(p.url),await new Promise(i=>{const u=()=>i();process.once("SIGINT",u),process.once("SIGTERM",u)}),await p.close(),r.dc.ok}}),7911:((m,s,t)=>{t.d(s,{Ep:()=>o,Ur:()=>d,zg:()=>n});const n=`Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

Checks the support-kit config: YAML syntax, the JSON Schemas in config/schema/ and the
checks a schema cannot express. Every problem is printed as file:line:column.

Options:
  --config PATH   the config folder or one file in it (default .github/support-kit)
  --repo o/name   read the config from that repository through the API instead of the disk
                  (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  --ref REF       with --repo: the branch, tag or commit to read (default: the default branch)
  --json          print {"valid": bool, "files": [...], "problems": [...]}
  -h, --help      show this help

Exit status: 0 valid, 1 problems found, 2 usage error.`,d=`Usage: support-kit emulator [--port N] [--host ADDR] [--seed FILE]

Runs the GitHub emulator the kit's tests use: a stateful in-memory GitHub (REST and GraphQL)
on loopback. Prints its URL, then serves until stopped (Ctrl-C). Point GITHUB_API_URL at it.
The seed format is documented in docs/emulator.md.

Options:
  --port N      port to listen on; 0 picks a free one (default 0)
  --host ADDR   address to bind (default 127.0.0.1; loopback only)
  --seed FILE   JSON or YAML seed with users, repositories, labels, issues and files
  -h, --help    show this help`,o=`Usage: support-kit demo [--preset NAME] [--keep]

Plays a short support story against the GitHub emulator through the real action bundles
(dist/<name>/index.js under Node 24, with the environment a runner sets) and prints what
happened: the config each action read, its plan, the comments and annotations it wrote,
and how many API requests it cost.

Options:
  --preset NAME   the preset the sample repository is configured from (default escalation)
  --keep          keep the emulator running afterwards and print its URL (Ctrl-C to stop)
  -h, --help      show this help`})};export{P as id,A as ids,I as modules};
