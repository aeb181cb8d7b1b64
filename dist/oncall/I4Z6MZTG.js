import{a}from"./CQ4OFI63.js";import"./VBZPBIAL.js";export default a();
