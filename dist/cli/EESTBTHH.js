import{a}from"./CBFU4WWD.js";import"./WJKQ3P4V.js";export default a();
