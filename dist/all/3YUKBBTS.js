var E=".github/workflows",t=o=>`support-kit-${o}`,L=t("schedule.yml"),r=`${E}/${L}`,e=t("report.yml"),s=".github/ISSUE_TEMPLATE";export{L as a,r as b,e as c,s as d};
