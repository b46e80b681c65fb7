// The not-found page's "Go back": shown only when there is a page to go back to.
const back = document.querySelector('button.back');
if (back && history.length > 1) {
  back.hidden = false;
  back.addEventListener('click', () => history.back());
}
