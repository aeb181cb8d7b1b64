var E=".github/workflows",o=t=>`support-kit-${t}`,L=o("schedule.yml"),e=`${E}/${L}`,r=".github/ISSUE_TEMPLATE";export{E as a,o as b,L as c,e as d,r as e};
