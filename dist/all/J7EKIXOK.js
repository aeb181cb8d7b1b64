var e=".github/workflows",o=t=>`support-kit-${t}`,r=o("schedule.yml");export{e as a,r as b};
