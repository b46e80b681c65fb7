// /watch/:show in the browser: each product "In this show" opens in the player's drawer (details, options,
// quantity, add to cart), the video still playing, and the player is scrolled into view.
const player = document.querySelector('cuecart-player');
for (const button of document.querySelectorAll('button.product')) {
  button.addEventListener('click', () => {
    customElements.whenDefined('cuecart-player').then(() => {
      player.scrollIntoView({ block: 'nearest' });
      if (!player.openProduct(button.dataset.productId)) player.openShelf();
    });
  });
}
